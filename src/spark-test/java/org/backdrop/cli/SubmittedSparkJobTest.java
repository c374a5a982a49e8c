package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.launcher.SparkAppHandle;
import org.apache.spark.launcher.SparkLauncher;
import org.backdrop.ProgressListener;
import org.backdrop.augment.AugmentOptions;
import org.backdrop.augment.AugmentResult;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.engine.launch.AugmentDocument;
import org.backdrop.engine.launch.ClassifierDocument;
import org.backdrop.engine.launch.CommandArguments;
import org.backdrop.engine.launch.JobPhase;
import org.backdrop.engine.launch.SparkInstallation;
import org.backdrop.engine.launch.SparkJobSubmitter;
import org.backdrop.eval.classification.ClassificationMetrics;
import org.backdrop.eval.classification.PredictionTable;
import org.backdrop.eval.classification.VariantComparison;
import org.backdrop.segment.MaskFilter;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code augment} and {@code eval-cls} with {@code --engine spark --master local[2]} submitted through
 * {@link SparkJobSubmitter} to a Spark installation whose {@code bin/spark-submit} runs Spark's real {@code org.apache.spark.deploy.SparkSubmit}
 * in a new JVM with this test's class path. A job must end as FINISHED, report progress, and give the
 * same output as a local run.
 *
 * <p>The primary resource is {@link SparkLauncher#NO_RESOURCE} ("spark-internal"), which informs spark-submit
 * that the main class is already on its class path: tests run before {@code package}, so
 * {@code target/backdrop-spark-job.jar} does not exist yet, and the class path already contains Backdrop's
 * classes. Only the jar shipped to the driver differs from a submission on a cluster.
 */
class SubmittedSparkJobTest {

    @TempDir
    Path folder;

    /** Records the progress reports and never cancels. */
    private static class Recorder implements ProgressListener {
        final List<String> messages = new ArrayList<>();
        long maxDone;

        @Override
        public synchronized void progress(long done, long total, String message) {
            messages.add(done + "/" + total + " " + message);
            maxDone = Math.max(maxDone, done);
        }

        @Override
        public synchronized boolean isCancelled() {
            return false;
        }
    }

    @Test
    void submittedAugmentMatchesLocalRun() throws Exception {
        // Every image of this export has a polygon mask, so no sample is skipped and the command exits with 0.
        Path input = SharedData.fixture("coco/labelme_coco_export");
        Path local = folder.resolve("local");
        Path spark = folder.resolve("spark");
        CliRunner.Result localRun = CliRunner.run("augment", "--in", input.toString(), "--format", "coco", "--out", local.toString(),
                "--backgrounds", "red,mean", "--feather", "1.5", "--seed", "11", "--threads", "2", "--json");
        assertEquals(ExitCodes.SUCCESS, localRun.exitCode(), localRun.err());

        AugmentOptions options = new AugmentOptions(List.of("red", "mean"), Optional.empty(), Optional.empty(), MaskFilter.none(), 1.5, 0,
                List.of(), 11, 2);
        List<String> arguments = CommandArguments.augment(input, DatasetFormat.COCO, spark, options, Optional.empty(), "local[2]");
        SparkInstallation installation = new SparkInstallation(fakeSparkHome(), "local[2]", Optional.empty(), List.of(
                "spark.driver.host=127.0.0.1", "spark.driver.bindAddress=127.0.0.1", "spark.ui.enabled=false",
                "spark.ui.showConsoleProgress=false", "spark.driver.memory=512m"));
        Recorder recorder = new Recorder();

        long start = System.nanoTime();
        SparkJobSubmitter.Outcome outcome = new SparkJobSubmitter(installation, SparkLauncher.NO_RESOURCE).run("backdrop-test", arguments, recorder);
        System.err.printf("Submitted job took %.1f s%n", (System.nanoTime() - start) / 1e9);

        assertEquals(SparkAppHandle.State.FINISHED, outcome.state(), outcome.failureMessage());
        assertEquals(JobPhase.SUCCEEDED, outcome.phase());
        assertTrue(outcome.applicationId().orElse("").startsWith("local-"), outcome.applicationId().toString());
        assertTrue(recorder.messages.stream().anyMatch(message -> message.contains("Running on local[2]")), recorder.messages.toString());
        assertTrue(recorder.messages.stream().anyMatch(message -> message.contains("on Spark")), recorder.messages.toString());
        assertTrue(recorder.maxDone > 0, recorder.messages.toString());
        assertFalse(Files.exists(outcome.logFolder()), "the log folder of a successful job is deleted");

        AugmentResult submitted = AugmentDocument.read(outcome.result().orElseThrow());
        AugmentResult expected = AugmentDocument.read(localRun.json());
        assertEquals(List.of(), submitted.skipped());
        assertEquals(expected.variants().stream().map(AugmentResult.Variant::images).toList(),
                submitted.variants().stream().map(AugmentResult.Variant::images).toList());
        assertEquals(spark.resolve("manifest.json").toAbsolutePath(), submitted.manifest());
        OutputTrees.assertSameBytes(local, spark);
    }

    /**
     * {@code eval-cls} submitted as the Evaluate screen submits it gives the numbers of a local run. The
     * variant swaps the cat and ship images of the CIFAR-10 fixture, so that samples flip.
     */
    @Test
    void submittedEvalClsMatchesLocalRun() throws Exception {
        Path images = SharedData.fixture("cifar10/test_images_jpg");
        Path original = folder.resolve("original");
        Path swapped = folder.resolve("swapped");
        for (String name : List.of("cat", "ship")) {
            copyFolder(images.resolve(name), original.resolve(name));
            copyFolder(images.resolve(name.equals("cat") ? "ship" : "cat"), swapped.resolve(name));
        }
        Path model = SharedData.fixture("models/cifar10/resnet_2b.onnx");
        Path spec = Path.of("src/test/resources/models/resnet_2b.spec.json").toAbsolutePath();
        Path localResults = folder.resolve("local-results");
        Path sparkResults = folder.resolve("spark-results");
        CliRunner.Result localRun = CliRunner.run("eval-cls", "--model", model.toString(), "--spec", spec.toString(), "--in", original.toString(),
                "--in", swapped.toString(), "--device", "cpu", "--batch-size", "8", "--out", localResults.toString(), "--json");
        assertEquals(ExitCodes.SUCCESS, localRun.exitCode(), localRun.err());

        List<String> arguments = CommandArguments.evalCls(model, spec, List.of(original, swapped), "cpu", 8, Optional.of(sparkResults), "local[2]");
        Recorder recorder = new Recorder();
        long start = System.nanoTime();
        SparkJobSubmitter.Outcome outcome = new SparkJobSubmitter(loopbackInstallation(), SparkLauncher.NO_RESOURCE)
                .run("backdrop-test", arguments, recorder);
        System.err.printf("Submitted eval-cls took %.1f s%n", (System.nanoTime() - start) / 1e9);

        assertEquals(SparkAppHandle.State.FINISHED, outcome.state(), outcome.failureMessage());
        assertEquals(JobPhase.SUCCEEDED, outcome.phase());
        assertTrue(recorder.messages.stream().anyMatch(message -> message.contains("Running on local[2]")), recorder.messages.toString());
        ClassifierDocument submitted = ClassifierDocument.read(outcome.requireResult());
        ClassifierDocument expected = ClassifierDocument.read(localRun.json());
        assertEquals(expected, submitted);
        assertEquals(60, submitted.datasets().get(1).report().sampleCount());
        assertFalse(submitted.comparisons().get(0).flips().isEmpty(), "swapping the classes' images flips samples");

        // The driver's predictions.csv, which the Evaluate screen reads for its flipped samples, is the local run's.
        PredictionTable submittedPredictions = PredictionTable.read(sparkResults.resolve(PredictionTable.FILE_NAME));
        assertEquals(PredictionTable.read(localResults.resolve(PredictionTable.FILE_NAME)), submittedPredictions);
        VariantComparison flips = ClassificationMetrics.compare(submittedPredictions.predictions("resnet_2b.onnx", "original"),
                submittedPredictions.predictions("resnet_2b.onnx", "swapped"));
        assertEquals(expected.comparisons().get(0).flips(), flips.flips());
    }

    /** Cancelling once the application runs stops it through the launcher, and the job ends as cancelled. */
    @Test
    void cancelledJobEndsCancelled() throws Exception {
        Path input = SharedData.fixture("coco/labelme_coco_export");
        Path spark = folder.resolve("spark");
        AugmentOptions options = new AugmentOptions(List.of("red", "mean", "bg-random"), Optional.empty(), Optional.empty(), MaskFilter.none(),
                0, 0, List.of(), 11, 2);
        List<String> arguments = CommandArguments.augment(input, DatasetFormat.COCO, spark, options, Optional.empty(), "local[2]");
        SparkInstallation installation = new SparkInstallation(fakeSparkHome(), "local[2]", Optional.empty(), List.of(
                "spark.driver.host=127.0.0.1", "spark.driver.bindAddress=127.0.0.1", "spark.ui.enabled=false",
                "spark.ui.showConsoleProgress=false", "spark.driver.memory=512m"));
        Recorder recorder = new Recorder() {
            @Override
            public synchronized boolean isCancelled() {
                return messages.stream().anyMatch(message -> message.contains("Running on"));
            }
        };

        SparkJobSubmitter.Outcome outcome = new SparkJobSubmitter(installation, SparkLauncher.NO_RESOURCE).run("backdrop-test", arguments, recorder);

        assertEquals(JobPhase.CANCELLED, outcome.phase(), outcome.failureMessage());
        assertTrue(outcome.result().isEmpty(), "a cancelled command prints no result");
        assertFalse(Files.exists(spark.resolve("manifest.json")), "a cancelled export has no manifest");
        assertTrue(Files.isDirectory(outcome.logFolder()), "the log folder of a cancelled job is kept");
        assertTrue(waitForNoSparkSubmit(), "spark-submit still runs after the job was cancelled");
        try (Stream<Path> files = Files.walk(outcome.logFolder())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Returns a local[2] installation whose driver listens on loopback only. */
    private SparkInstallation loopbackInstallation() throws Exception {
        return new SparkInstallation(fakeSparkHome(), "local[2]", Optional.empty(), List.of("spark.driver.host=127.0.0.1",
                "spark.driver.bindAddress=127.0.0.1", "spark.ui.enabled=false", "spark.ui.showConsoleProgress=false", "spark.driver.memory=512m"));
    }

    private static void copyFolder(Path source, Path target) throws Exception {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
    }

    /** Returns true once no process started by this JVM runs SparkSubmit, waiting up to 10 seconds. */
    private static boolean waitForNoSparkSubmit() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            boolean running = ProcessHandle.current().descendants()
                    .anyMatch(process -> process.isAlive() && process.info().commandLine().orElse("").contains("SparkSubmit"));
            if (!running) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Writes a Spark installation whose spark-submit runs SparkSubmit with this JVM's java and class path. */
    private Path fakeSparkHome() throws Exception {
        Path home = folder.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The cancel test kills spark-submit, so its Spark folders go where the test run keeps its temporary files.
        String script = "#!/bin/sh\nexec " + quote(java) + " -Xmx512m -Djava.io.tmpdir=" + quote(System.getProperty("java.io.tmpdir")) + " "
                + JavaModuleOptions.defaultModuleOptions() + " -cp " + quote(System.getProperty("java.class.path"))
                + " org.apache.spark.deploy.SparkSubmit \"$@\"\n";
        Path submit = Files.writeString(bin.resolve("spark-submit"), script);
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
