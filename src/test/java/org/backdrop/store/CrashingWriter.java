package org.backdrop.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.backdrop.curate.ReviewDecision;
import org.backdrop.curate.ReviewStatus;

/**
 * The child process of {@link ProjectStoreCrashTest}: opens the project named by its argument and
 * records decisions for samples 0, 1, 2, ... without end, printing {@code ack N} after decision N is
 * saved. The test kills it with SIGKILL while it writes.
 */
public final class CrashingWriter {

    private CrashingWriter() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (ProjectStore store = ProjectStore.open(Path.of(args[0]))) {
            for (long i = 0; ; i++) {
                store.record(new ReviewDecision("sample-" + i, i % 2 == 0 ? ReviewStatus.ACCEPTED : ReviewStatus.REJECTED, Instant.now(), false));
                out.println("ack " + i);
            }
        }
    }
}
