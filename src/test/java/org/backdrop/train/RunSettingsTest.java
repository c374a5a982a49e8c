package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backdrop.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSettingsTest {

    @Test
    void sameOptionsAgree(@TempDir Path temp) throws Exception {
        List<TrainingSource> sources = sources(temp);
        TrainingOptions options = TrainingOptions.defaults(temp.resolve("run"), 3);

        assertEquals(List.of(), RunSettings.of(options, sources).differences(RunSettings.of(options.withOut(temp, true), sources)));
    }

    @Test
    void changedOptionsEachNamed(@TempDir Path temp) throws Exception {
        List<TrainingSource> sources = sources(temp);
        TrainingOptions started = TrainingOptions.defaults(temp.resolve("run"), 3);
        TrainingOptions resumed = started.withEpochs(5).withBatch(128, 0.05f);

        List<String> differences = RunSettings.of(started, sources).differences(RunSettings.of(resumed, sources));

        assertEquals(2, differences.size(), differences.toString());
        assertEquals("--epochs was 3 when the run started and is 5 now", differences.get(0));
        assertEquals("--lr was 0.1 when the run started and is 0.05 now", differences.get(1));
    }

    @Test
    void seedChangeAllowed(@TempDir Path temp) throws Exception {
        List<TrainingSource> sources = sources(temp);
        TrainingOptions started = TrainingOptions.defaults(temp.resolve("run"), 3);

        assertEquals(List.of(), RunSettings.of(started, sources).differences(RunSettings.of(started.withSeed(9, true), sources)));
    }

    @Test
    void changedShareNamed(@TempDir Path temp) throws Exception {
        Dataset data = TrainingData.generated(temp.resolve("data"), 1);
        TrainingOptions options = TrainingOptions.defaults(temp.resolve("run"), 3);
        RunSettings started = RunSettings.of(options, List.of(new TrainingSource("data", data, TrainingSource.Share.weight(1))));

        List<String> differences = started.differences(RunSettings.of(options,
                List.of(new TrainingSource("data", data, TrainingSource.Share.count(50)))));

        assertEquals(1, differences.size());
        assertTrue(differences.get(0).startsWith("--train was data=1.0 "), differences.get(0));
    }

    @Test
    void transferFileCountsByContent(@TempDir Path temp) throws Exception {
        List<TrainingSource> sources = sources(temp);
        Path file = Path.of("src/test/resources/models/torchscript/tiny_transfer.pt");
        TrainingOptions options = TrainingOptions.defaults(temp.resolve("run"), 3).withTransfer(file, 1);
        TrainingOptions otherPath = options.withTransfer(file.toAbsolutePath(), 1);
        TrainingOptions otherFile = options.withTransfer(Path.of("src/test/resources/models/torchscript/tiny_classifier.pt"), 1);

        assertEquals(List.of(), RunSettings.of(options, sources).differences(RunSettings.of(otherPath, sources)));
        assertEquals(1, RunSettings.of(options, sources).differences(RunSettings.of(otherFile, sources)).size());
    }

    private static List<TrainingSource> sources(Path temp) throws Exception {
        return List.of(TrainingSource.of("data", TrainingData.generated(temp.resolve("data"), 1)));
    }
}
