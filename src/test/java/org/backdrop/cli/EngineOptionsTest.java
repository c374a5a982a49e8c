package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backdrop.engine.Engines;
import org.backdrop.testing.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --engine} and {@code --master} options, checked before any work starts. */
class EngineOptionsTest {

    @TempDir
    Path folder;

    private CliRunner.Result augment(String... engineArgs) throws Exception {
        Path images = Files.createDirectories(folder.resolve("in/cat"));
        TestImages.writePng(images.resolve("a.png"), 8, 8);
        String[] base = {"augment", "--in", folder.resolve("in").toString(), "--out", folder.resolve("out").toString(),
            "--backgrounds", "red", "--seed", "1"};
        String[] args = new String[base.length + engineArgs.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(engineArgs, 0, args, base.length, engineArgs.length);
        return CliRunner.run(args);
    }

    @Test
    void unknownEngineIsAUsageError() throws Exception {
        CliRunner.Result result = augment("--engine", "flink");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("unknown engine 'flink'; expected local or spark"), result.err());
        assertFalse(Files.exists(folder.resolve("out")), "nothing may be written after a usage error");
    }

    @Test
    void masterWithoutSparkEngineIsAUsageError() throws Exception {
        CliRunner.Result result = augment("--master", "local[2]");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("--master applies to --engine spark only"), result.err());
    }

    /** eval-det runs only a detector's inference on an engine; evaluating a results file stays on this machine. */
    @Test
    void evalDetEngineWithoutModelIsAUsageError() {
        CliRunner.Result result = CliRunner.run("eval-det", "--gt", folder.resolve("gt.json").toString(), "--dt",
                folder.resolve("dt.json").toString(), "--engine", "spark", "--master", "local[2]");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("--engine spark and --master apply to running a detector (--model with --in)"), result.err());
    }

    /** Runs in the default build, and in the -Pspark build once more with Spark taken off the class path. */
    @Test
    @Tag("no-spark")
    void sparkWithoutProfileGivesBuildHint() throws Exception {
        assertFalse(Engines.sparkAvailable(), "this test must run without Spark on the class path");
        CliRunner.Result result = augment("--engine", "spark", "--master", "local[2]");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("--engine spark needs a build that includes Apache Spark: build with './mvnw -Pspark package'"),
                result.err());
        assertFalse(Files.exists(folder.resolve("out")), "nothing may be written after a usage error");
    }

    @Test
    void hadoopUriForLocalPathRejected() throws Exception {
        CliRunner.Result result = augment("--curated", "hdfs://namenode:8020/ids.txt");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("'hdfs://namenode:8020/ids.txt' is a URI, but this option takes a local path"), result.err());
        assertFalse(Files.exists(folder.resolve("out")), "nothing may be written after a usage error");
    }

    @Test
    @Tag("no-spark")
    void hadoopUriWithoutSparkIsAUsageError() throws Exception {
        CliRunner.Result result = CliRunner.run("augment", "--in", "hdfs://namenode:8020/data", "--out", folder.resolve("out").toString(),
                "--backgrounds", "red", "--seed", "1");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("'hdfs://namenode:8020/data' is a Hadoop URI, which needs a build that includes Apache Spark"),
                result.err());
    }
}
