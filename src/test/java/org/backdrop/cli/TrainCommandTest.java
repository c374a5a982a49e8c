package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.backdrop.train.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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
        assertEquals(out.resolve("model.pt").toString(), json.get("torchScript").asText());
        assertEquals(out.resolve("model.spec.json").toString(), json.get("spec").asText());
        assertTrue(result.err().contains("epoch 1/1"), result.err());
    }

    @Test
    void resumeWithOtherBatchInvalid(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("data");
        TrainingData.generated(data, 2);
        Path out = temp.resolve("run");
        CliRunner.Result first = CliRunner.run("train", "--train", data.toString(), "--epochs", "1", "--batch", "4", "--out", out.toString(),
                "--json");

        ListAppender<ILoggingEvent> log = captureCliLog();
        CliRunner.Result resumed = CliRunner.run("train", "--train", data.toString(), "--epochs", "1", "--batch", "2", "--out", out.toString(),
                "--resume", "--json");
        String error = errorLog(log);

        assertEquals(ExitCodes.SUCCESS, first.exitCode(), first.err());
        assertEquals(ExitCodes.INVALID_INPUT, resumed.exitCode());
        assertTrue(error.contains("--batch was 4 when the run started and is 2 now"), error);
        assertTrue(error.contains(out.toString()), error);
    }

    @Test
    void freezeEpochsWithResnetInvalid(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("data");
        TrainingData.generated(data, 1);

        ListAppender<ILoggingEvent> log = captureCliLog();
        CliRunner.Result result = CliRunner.run("train", "--train", data.toString(), "--epochs", "2", "--freeze-epochs", "1",
                "--out", temp.resolve("run").toString());
        String error = errorLog(log);

        assertEquals(ExitCodes.INVALID_INPUT, result.exitCode());
        assertTrue(error.contains("torchscript=FILE"), error);
    }

    @Test
    void torchScriptWithoutFileIsUsageError(@TempDir Path temp) {
        CliRunner.Result result = CliRunner.run("train", "--train", temp.toString(), "--model", "torchscript=", "--out", temp.resolve("run").toString());

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("torchscript=net.pt"), result.err());
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

    /** Starts collecting what BackdropCli logs; {@link #errorLog} stops it. */
    private static ListAppender<ILoggingEvent> captureCliLog() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        ((Logger) LoggerFactory.getLogger(BackdropCli.class)).addAppender(log);
        log.start();
        return log;
    }

    /** Stops collecting and returns the first message BackdropCli logged at ERROR, or an empty string. */
    private static String errorLog(ListAppender<ILoggingEvent> log) {
        ((Logger) LoggerFactory.getLogger(BackdropCli.class)).detachAppender(log);
        return log.list.stream().filter(event -> event.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage).findFirst().orElse("");
    }
}
