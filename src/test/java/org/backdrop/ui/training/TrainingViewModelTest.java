package org.backdrop.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.train.Architecture;
import org.backdrop.train.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingViewModelTest {

    @TempDir
    Path temp;

    private final TrainingViewModel model = new TrainingViewModel(Runnable::run);

    @Test
    void earlierRunGivesCurves() throws Exception {
        Path run = writeRun("run-a");

        model.loadRun(run);
        List<CurveSeries> loss = model.lossSeries();
        List<CurveSeries> accuracy = model.accuracySeries();

        assertEquals(1, loss.size());
        assertEquals("run-a · train loss", loss.get(0).name());
        assertEquals(List.of(1, 2), loss.get(0).epochs());
        assertEquals(List.of(2.25, 1.5), loss.get(0).values());
        assertEquals(List.of("run-a · train", "run-a · test original", "run-a · test red"), accuracy.stream().map(CurveSeries::name).toList());
        assertEquals(List.of(0.5, 0.75), accuracy.get(1).values());
    }

    @Test
    void runsOverlayInOrder() throws Exception {
        model.loadRun(writeRun("run-a"));
        model.loadRun(writeRun("run-b"));

        assertEquals(List.of("run-a · train loss", "run-b · train loss"), model.lossSeries().stream().map(CurveSeries::name).toList());
        assertEquals(6, model.accuracySeries().size());
    }

    @Test
    void damagedRunIsRejected() throws Exception {
        Path run = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(run.resolve("metrics.jsonl"), "not json\n");

        Exception error = assertThrows(java.io.IOException.class, () -> model.loadRun(run));

        assertTrue(error.getMessage().contains("metrics.jsonl line 1: invalid JSON"), error.getMessage());
        assertEquals(0, model.runs().size());
    }

    @Test
    void optionsCarrySettings() {
        model.addSource(temp.resolve("cifar"), 1.0);
        model.outProperty().set(temp.resolve("out"));
        model.architectureProperty().set(Architecture.RESNET18);
        model.epochsProperty().set(3);
        model.batchSizeProperty().set(64);
        model.learningRateProperty().set(0.05);
        model.seedProperty().set(7);

        TrainingOptions options = model.options();

        assertEquals(Architecture.RESNET18, options.architecture());
        assertEquals(3, options.epochs());
        assertEquals(64, options.batchSize());
        assertEquals(0.05f, options.learningRate());
        assertEquals(7, options.seed());
        assertEquals(temp.resolve("out"), options.out());
    }

    @Test
    void missingOutputFolderIsNamed() {
        model.addSource(temp.resolve("cifar"), 1.0);

        IllegalStateException error = assertThrows(IllegalStateException.class, model::options);

        assertEquals("Choose an output folder for the run.", error.getMessage());
    }

    @Test
    void zeroEpochsAreRejected() {
        model.addSource(temp.resolve("cifar"), 1.0);
        model.outProperty().set(temp.resolve("out"));
        model.epochsProperty().set(0);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, model::options);

        assertEquals("epochs must be at least 1, got 0", error.getMessage());
    }

    @Test
    void negativeWeightIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> model.addSource(temp.resolve("cifar"), -1));
    }

    private Path writeRun(String name) throws Exception {
        Path run = Files.createDirectories(temp.resolve(name));
        Files.writeString(run.resolve("metrics.jsonl"),
                "{\"epoch\":1,\"epochs\":2,\"trainLoss\":2.25,\"trainAccuracy\":0.125,\"test\":{\"/data/original\":0.5,\"/data/red\":0.25},"
                        + "\"learningRate\":0.1,\"imagesPerSecond\":300.0,\"seconds\":4.5}\n"
                        + "{\"epoch\":2,\"epochs\":2,\"trainLoss\":1.5,\"trainAccuracy\":0.375,\"test\":{\"/data/original\":0.75,\"/data/red\":0.5},"
                        + "\"learningRate\":0.01,\"imagesPerSecond\":310.0,\"seconds\":4.25}\n");
        return run;
    }
}
