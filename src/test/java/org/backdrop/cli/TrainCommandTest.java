package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.backdrop.train.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @Test
    void jsonHasFinalNumbers(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("data");
        TrainingData.generated(data, 6);
        Path out = temp.resolve("run");

        CliRunner.Result result = CliRunner.run("train", "--train", data + "=count:10", "--test", data.toString(),
                "--model", "resnet20", "--epochs", "1", "--batch", "4", "--lr", "0.05", "--seed", "2", "--out", out.toString(), "--json");

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        JsonNode json = result.json();
        assertEquals(1, json.get("epochs").asInt());
        assertTrue(json.get("trainAccuracy").isNumber());
        assertTrue(json.get("trainLoss").isNumber());
        assertTrue(json.get("test").get(data.toString()).isNumber());
        assertEquals("cpu()", json.get("device").asText());
        assertEquals(out.toString(), json.get("out").asText());
        assertTrue(result.err().contains("epoch 1/1"), result.err());
    }

    @Test
    void resumeWithoutCheckpointInvalid(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("data");
        TrainingData.generated(data, 2);

        CliRunner.Result result = CliRunner.run("train", "--train", data.toString(), "--epochs", "1",
                "--out", temp.resolve("run").toString(), "--resume", "--json");

        assertEquals(ExitCodes.INVALID_INPUT, result.exitCode());
    }

    @Test
    void badWeightIsUsageError(@TempDir Path temp) {
        CliRunner.Result result = CliRunner.run("train", "--train", temp + "=heavy", "--out", temp.resolve("run").toString());

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("count:5000"), result.err());
    }
}
