package org.backdrop.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backdrop.curate.ReviewStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills a process that is writing review decisions with SIGKILL and checks that no acknowledged decision is lost. */
class ProjectStoreCrashTest {

    /** Decisions the child must acknowledge before it is killed. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 200;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void killedWriterLosesNoAcknowledgedDecision() throws Exception {
        Path project = temp.resolve("crash.backdrop");
        ProjectStore.create(project).close();
        Path childLog = temp.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The killed child cannot delete the native library sqlite-jdbc extracts, so it goes into the test's folder.
        Process child = new ProcessBuilder(java, "-Dorg.sqlite.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), project.toString())
                .redirectError(childLog.toFile())
                .start();

        long lastAcknowledged = -1;
        BufferedReader acks = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while (lastAcknowledged < ACKNOWLEDGED_BEFORE_KILL - 1 && (line = acks.readLine()) != null) {
            lastAcknowledged = Long.parseLong(line.substring("ack ".length()));
        }
        // The child keeps writing while it is killed. destroyForcibly sends SIGKILL on Linux and macOS, so
        // the child cannot close the store. It also closes the pipe, so later acknowledgements go unread.
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not end after SIGKILL");
        assertEquals(ACKNOWLEDGED_BEFORE_KILL - 1, lastAcknowledged,
                "the child acknowledged fewer decisions than expected; its log: " + Files.readString(childLog));
        assertTrue(Files.exists(project.resolveSibling("crash.backdrop-wal")), "the killed writer should leave its WAL file behind");

        try (ProjectStore reopened = ProjectStore.open(project)) {
            Map<String, ReviewStatus> statuses = reopened.reviewStatuses();
            for (long i = 0; i <= lastAcknowledged; i++) {
                ReviewStatus expected = i % 2 == 0 ? ReviewStatus.ACCEPTED : ReviewStatus.REJECTED;
                assertEquals(expected, statuses.get("sample-" + i), "decision " + i + " was acknowledged but is missing after the kill");
            }
        }
    }
}
