package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetricsTest {

    @TempDir
    Path run;

    @Test
    void readsEveryEpochLine() throws IOException {
        Files.writeString(run.resolve("metrics.jsonl"),
                "{\"epoch\":1,\"epochs\":2,\"trainLoss\":2.25,\"trainAccuracy\":0.125,\"test\":{\"original\":0.5,\"red\":0.25},"
                        + "\"learningRate\":0.1,\"imagesPerSecond\":300.0,\"seconds\":4.5}\n\n"
                        + "{\"epoch\":2,\"epochs\":2,\"trainLoss\":1.5,\"trainAccuracy\":0.375,\"test\":{\"original\":0.75,\"red\":0.5},"
                        + "\"learningRate\":0.01,\"imagesPerSecond\":310.0,\"seconds\":4.25}\n");

        List<EpochMetrics> epochs = RunMetrics.read(run);

        assertEquals(2, epochs.size());
        assertEquals(2.25, epochs.get(0).trainLoss());
        assertEquals(List.of("original", "red"), List.copyOf(epochs.get(1).testAccuracy().keySet()));
        assertEquals(0.5, epochs.get(1).testAccuracy().get("red"));
        assertEquals(0.01, epochs.get(1).learningRate());
    }

    @Test
    void missingFieldNamesLine() throws IOException {
        Files.writeString(run.resolve("metrics.jsonl"), "{\"epoch\":1}\n");

        IOException error = assertThrows(IOException.class, () -> RunMetrics.read(run));

        assertTrue(error.getMessage().contains("metrics.jsonl line 1: missing field \"epochs\""), error.getMessage());
    }

    @Test
    void missingFileNamesFolder() {
        IOException error = assertThrows(IOException.class, () -> RunMetrics.read(run));

        assertTrue(error.getMessage().startsWith(run.resolve("metrics.jsonl") + ": not found"), error.getMessage());
    }
}
