package org.backdrop.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.backdrop.ProgressListener;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.curate.ReviewDecision;
import org.backdrop.curate.ReviewState;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.mask.Rle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path temp;

    /** Returns a 3x4 mask (height 3, width 4) with the 2x2 block at rows 0-1, columns 1-2 set: area 4. */
    private static Rle block() {
        byte[] pixels = {
            0, 1, 1, 0,
            0, 1, 1, 0,
            0, 0, 0, 0};
        return Rle.fromRowMajor(pixels, 4, 3);
    }

    /** Returns a 3x4 mask with only the top-left pixel set: area 1. */
    private static Rle dot() {
        byte[] pixels = new byte[12];
        pixels[0] = 1;
        return Rle.fromRowMajor(pixels, 4, 3);
    }

    private ProjectStore create() throws IOException {
        return ProjectStore.create(temp.resolve("p.backdrop"), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void newProjectUsesWalAndFullSync() throws IOException {
        try (ProjectStore store = create()) {
            assertEquals("wal", store.journalMode());
            assertEquals(2, store.synchronousLevel());
        }
    }

    @Test
    void newProjectHasCurrentSchema() throws IOException {
        try (ProjectStore store = create()) {
            assertEquals(1, store.schemaVersion());
            assertEquals(ProjectStore.supportedSchemaVersion(), store.schemaVersion());
        }
    }

    @Test
    void datasetPathIsRelativeToProject() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        try (ProjectStore store = create()) {
            store.setDataset(new DatasetReference(data, DatasetFormat.VOC, 17, Optional.of("sha256:ab")));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("p.backdrop"));
                Statement statement = raw.createStatement();
                var rows = statement.executeQuery("SELECT path FROM datasets")) {
            assertTrue(rows.next());
            assertEquals("data", rows.getString(1));
        }
        Path moved = Files.createDirectories(temp.resolve("moved"));
        Files.move(temp.resolve("p.backdrop"), moved.resolve("p.backdrop"));
        Files.move(data, moved.resolve("data"));
        try (ProjectStore store = ProjectStore.open(moved.resolve("p.backdrop"))) {
            DatasetReference reference = store.dataset().orElseThrow();
            assertEquals(moved.resolve("data").toAbsolutePath().normalize(), reference.path());
            assertEquals(DatasetFormat.VOC, reference.format());
            assertEquals(17, reference.sampleCount());
            assertEquals(Optional.of("sha256:ab"), reference.checksum());
        }
    }

    @Test
    void decisionsSurviveReopening() throws IOException {
        try (ProjectStore store = create()) {
            store.record(new ReviewDecision("a", ReviewStatus.ACCEPTED, T0, false));
            store.record(new ReviewDecision("b", ReviewStatus.REJECTED, T0.plusSeconds(1), false));
            store.record(new ReviewDecision("a", ReviewStatus.EDITED, T0.plusSeconds(2), false));
        }
        try (ProjectStore store = ProjectStore.open(temp.resolve("p.backdrop"))) {
            assertEquals(Map.of("a", ReviewStatus.EDITED, "b", ReviewStatus.REJECTED), store.reviewStatuses());
            List<ReviewDecision> history = store.decisions("a");
            assertEquals(2, history.size());
            assertEquals(new ReviewDecision("a", ReviewStatus.ACCEPTED, T0, false), history.get(0));
            assertEquals(new ReviewDecision("a", ReviewStatus.EDITED, T0.plusSeconds(2), false), history.get(1));
            assertEquals(3, store.decisions().size());
        }
    }

    @Test
    void undoIsLoggedAndDropsStatus() throws IOException {
        try (ProjectStore store = create()) {
            ReviewState state = store.reviewState();
            state.decide("a", ReviewStatus.ACCEPTED);
            state.undo();

            assertEquals(Map.of(), store.reviewStatuses());
            List<ReviewDecision> log = store.decisions("a");
            assertEquals(2, log.size());
            assertEquals(ReviewStatus.UNREVIEWED, log.get(1).status());
            assertTrue(log.get(1).undo());
            assertFalse(log.get(0).undo());
        }
    }

    @Test
    void decisionLogRejectsUpdates() throws Exception {
        try (ProjectStore store = create()) {
            store.record(new ReviewDecision("a", ReviewStatus.ACCEPTED, T0, false));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("p.backdrop"));
                Statement statement = raw.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> statement.execute("UPDATE review_decisions SET status = 'rejected'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> statement.execute("DELETE FROM review_decisions"));
        }
    }

    @Test
    void maskRoundTrips() throws IOException {
        try (ProjectStore store = create()) {
            store.saveMask("s1", block(), MaskOrigin.GRABCUT);
        }
        try (ProjectStore store = ProjectStore.open(temp.resolve("p.backdrop"))) {
            StoredMask mask = store.currentMask("s1").orElseThrow();
            assertEquals(block(), mask.mask());
            assertEquals(4, mask.mask().area());
            assertEquals(MaskOrigin.GRABCUT, mask.origin());
            assertEquals(T0, mask.savedAt());
            assertEquals(Optional.empty(), store.currentMask("s2"));
        }
    }

    @Test
    void editedMaskKeepsOriginal() throws IOException {
        try (ProjectStore store = create()) {
            store.saveMask("s1", block(), MaskOrigin.ANNOTATION);

            store.saveEditedMask("s1", dot());

            assertEquals(dot(), store.currentMask("s1").orElseThrow().mask());
            assertEquals(MaskOrigin.EDITED, store.currentMask("s1").orElseThrow().origin());
            StoredMask original = store.originalMask("s1").orElseThrow();
            assertEquals(block(), original.mask());
            assertEquals(MaskOrigin.ANNOTATION, original.origin());
            List<StoredMask> history = store.maskHistory("s1");
            assertEquals(List.of(MaskOrigin.ANNOTATION, MaskOrigin.EDITED), history.stream().map(StoredMask::origin).toList());
        }
    }

    @Test
    void restoringOriginalAddsVersion() throws IOException {
        try (ProjectStore store = create()) {
            store.saveMask("s1", block(), MaskOrigin.MODEL);
            store.saveEditedMask("s1", dot());

            Optional<StoredMask> restored = store.restoreOriginalMask("s1");

            assertEquals(block(), restored.orElseThrow().mask());
            assertEquals(MaskOrigin.MODEL, store.currentMask("s1").orElseThrow().origin());
            assertEquals(3, store.maskHistory("s1").size());
            assertEquals(Optional.empty(), store.restoreOriginalMask("unknown"));
        }
    }

    @Test
    void identicalMaskAddsNoVersion() throws IOException {
        try (ProjectStore store = create()) {
            int first = store.saveMasks(List.of(new MaskUpdate("s1", block(), MaskOrigin.GRABCUT), new MaskUpdate("s2", dot(), MaskOrigin.GRABCUT)),
                    ProgressListener.NONE);
            int second = store.saveMasks(List.of(new MaskUpdate("s1", block(), MaskOrigin.GRABCUT), new MaskUpdate("s2", block(), MaskOrigin.GRABCUT)),
                    ProgressListener.NONE);

            assertEquals(2, first);
            assertEquals(1, second);
            assertEquals(1, store.maskHistory("s1").size());
            assertEquals(2, store.maskHistory("s2").size());
            assertEquals(2, store.currentMasks().size());
        }
    }

    @Test
    void manyMasksSaveInChunks() throws IOException {
        int count = ProjectStore.MASKS_PER_TRANSACTION * 2 + 500;
        List<MaskUpdate> updates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            updates.add(new MaskUpdate("s" + i, i % 2 == 0 ? block() : dot(), MaskOrigin.MODEL));
        }
        List<Long> reported = new ArrayList<>();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
                reported.add(done);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        try (ProjectStore store = create()) {
            assertEquals(count, store.saveMasks(updates, progress));

            assertEquals(count, store.currentMasks().size());
            assertEquals(dot(), store.currentMask("s" + (count - 1)).orElseThrow().mask());
        }
        assertEquals(List.of(1000L, 2000L, 2500L), reported);
    }

    @Test
    void presetsRoundTrip() throws IOException {
        try (ProjectStore store = create()) {
            store.savePreset("grey", "{\"methods\":[\"solid:808080\"]}");
            store.savePreset("noise", "{\"methods\":[\"noise\"],\"seed\":7}");
            store.savePreset("grey", "{\"methods\":[\"solid:7f7f7f\"]}");

            assertEquals(List.of("grey", "noise"), List.copyOf(store.presets().keySet()));
            assertEquals("{\"methods\":[\"solid:7f7f7f\"]}", store.presets().get("grey"));
            assertTrue(store.deletePreset("noise"));
            assertFalse(store.deletePreset("noise"));
        }
    }

    @Test
    void invalidPresetJsonIsRejected() throws IOException {
        try (ProjectStore store = create()) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> store.savePreset("bad", "{methods"));

            assertTrue(error.getMessage().contains("'bad'"), error.getMessage());
            assertTrue(store.presets().isEmpty());
        }
    }

    @Test
    void runAndMetricsRoundTrip() throws IOException {
        String id;
        try (ProjectStore store = create()) {
            RunRecord run = store.recordRun(RunKind.TRAINING, "{\"model\":\"resnet18\",\"epochs\":2}");
            id = run.id();
            store.addRunMetrics(id, List.of(MetricRow.ofEpoch(1, "loss", 1.25), MetricRow.ofEpoch(1, "accuracy", 0.5)));
            store.addRunMetrics(id, List.of(MetricRow.ofEpoch(2, "loss", 0.75)));
            store.finishRun(id, RunStatus.FINISHED);
        }
        try (ProjectStore store = ProjectStore.open(temp.resolve("p.backdrop"))) {
            RunRecord run = store.runs().get(0);
            assertEquals(id, run.id());
            assertTrue(id.startsWith("training-20261204-100000-"), id);
            assertEquals(RunKind.TRAINING, run.kind());
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals("{\"model\":\"resnet18\",\"epochs\":2}", run.inputsJson());
            List<MetricRow> metrics = store.runMetrics(id);
            assertEquals(List.of(MetricRow.ofEpoch(1, "loss", 1.25), MetricRow.ofEpoch(1, "accuracy", 0.5), MetricRow.ofEpoch(2, "loss", 0.75)),
                    metrics);
        }
    }

    @Test
    void variantMetricsKeepVariant() throws IOException {
        try (ProjectStore store = create()) {
            String id = store.recordRun(RunKind.EVALUATION, "{}").id();
            store.addRunMetrics(id, List.of(MetricRow.ofVariant("mixed_rand", "accuracy", 0.625)));

            MetricRow row = store.runMetrics(id).get(0);
            assertEquals(Optional.of("mixed_rand"), row.variant());
            assertEquals(OptionalInt.empty(), row.epoch());
            assertEquals(RunStatus.RUNNING, store.run(id).orElseThrow().status());
        }
    }

    @Test
    void finishingUnknownRunFails() throws IOException {
        try (ProjectStore store = create()) {
            assertThrows(IllegalArgumentException.class, () -> store.finishRun("training-none", RunStatus.FAILED));
        }
    }

    @Test
    void copyHoldsSameState() throws IOException {
        Path copy = temp.resolve("copy.backdrop");
        try (ProjectStore store = create()) {
            store.record(new ReviewDecision("a", ReviewStatus.ACCEPTED, T0, false));
            store.saveMask("a", block(), MaskOrigin.GRABCUT);
            store.copyTo(copy);
        }
        try (ProjectStore store = ProjectStore.open(copy)) {
            assertEquals(Map.of("a", ReviewStatus.ACCEPTED), store.reviewStatuses());
            assertEquals(block(), store.currentMask("a").orElseThrow().mask());
            assertEquals("wal", store.journalMode());
        }
    }

    @Test
    void existingFileIsNotOverwritten() throws IOException {
        Path file = Files.writeString(temp.resolve("p.backdrop"), "keep me");

        ProjectFileException error = assertThrows(ProjectFileException.class, () -> ProjectStore.create(file));

        assertTrue(error.getMessage().contains("already exists"), error.getMessage());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void textFileIsNotProject() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.backdrop"), "these are notes, not a database; ".repeat(20));

        ProjectFileException error = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file));

        assertTrue(error.getMessage().contains("not a Backdrop project"), error.getMessage());
        assertTrue(error.getMessage().contains("notes.backdrop"), error.getMessage());
    }

    @Test
    void otherSqliteDatabaseIsNotProject() throws Exception {
        Path file = temp.resolve("other.db");
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = raw.createStatement()) {
            statement.execute("CREATE TABLE t (x INTEGER)");
        }

        ProjectFileException error = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file));

        assertTrue(error.getMessage().contains("SQLite database but not a Backdrop project"), error.getMessage());
    }

    @Test
    void newerSchemaIsRejected() throws Exception {
        try (ProjectStore store = create()) {
            store.record(new ReviewDecision("a", ReviewStatus.ACCEPTED, T0, false));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("p.backdrop"));
                Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO migrations (version, description, applied_at) VALUES (99, 'from the future', '2030-01-01T00:00:00Z')");
        }

        ProjectFileException error = assertThrows(ProjectFileException.class, () -> ProjectStore.open(temp.resolve("p.backdrop")));

        assertTrue(error.getMessage().contains("newer Backdrop"), error.getMessage());
        assertTrue(error.getMessage().contains("version 99"), error.getMessage());
    }

    @Test
    void missingFileIsNotCreated() {
        Path file = temp.resolve("missing.backdrop");

        ProjectFileException error = assertThrows(ProjectFileException.class, () -> ProjectStore.open(file));

        assertTrue(error.getMessage().contains("not found"), error.getMessage());
        assertFalse(Files.exists(file));
    }
}
