package org.backdrop.ui.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.launcher.SparkAppHandle;
import org.backdrop.ProgressListener;
import org.backdrop.engine.launch.JobPhase;
import org.backdrop.engine.launch.SparkInstallation;
import org.backdrop.engine.launch.SparkJobSubmitter;
import org.backdrop.model.DeviceRequest;
import org.backdrop.ui.cluster.RunOn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluation screen's Spark path with a stand-in submitter: the arguments of each model's job, Spark's
 * states and the command's progress as the task's messages, and the command's result in the table.
 */
class SparkEvaluationTest {

    private static final Path ORIGINAL = Path.of("/data/original").toAbsolutePath();
    private static final Path RED = Path.of("/data/red").toAbsolutePath();

    /** Records the reports as "DONE/TOTAL MESSAGE" and reports cancellation once {@code cancelled} is set. */
    private static final class Recorder implements ProgressListener {
        final List<String> reports = new ArrayList<>();
        boolean cancelled;

        @Override
        public void progress(long done, long total, String message) {
            reports.add(done + "/" + total + " " + message);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    /** Reports what a submitted job reports, and ends each job with the next of the given outcomes. */
    private static final class FakeSubmitter {
        final List<List<String>> arguments = new ArrayList<>();
        final List<SparkJobSubmitter.Outcome> outcomes;

        FakeSubmitter(SparkJobSubmitter.Outcome... outcomes) {
            this.outcomes = new ArrayList<>(List.of(outcomes));
        }

        SparkJobSubmitter.Outcome run(String name, List<String> args, ProgressListener progress) {
            arguments.add(args);
            progress.progress(0, -1, JobPhase.describe(SparkAppHandle.State.SUBMITTED, "local[2]"));
            progress.progress(0, -1, JobPhase.describe(SparkAppHandle.State.RUNNING, "local[2]"));
            // What the submitter passes on from a line "backdrop-progress: 30/60 Classifying original on Spark".
            progress.progress(30, 60, "Classifying original on Spark");
            return outcomes.remove(0);
        }
    }

    private FakeSubmitter submitter;
    private final EvaluationViewModel model = new EvaluationViewModel(ClassifierFiles::open, installation -> submitter::run);

    @BeforeEach
    void inputs() {
        model.addModel(Path.of("/models/a.onnx"), Path.of("/models/a.spec.json"));
        model.addModel(Path.of("/models/b.onnx"), Path.of("/models/b.spec.json"));
        model.addVariant(ORIGINAL);
        model.addVariant(RED);
        model.deviceProperty().set(DeviceRequest.CPU);
        model.runOnProperty().set(RunOn.SPARK_CLUSTER);
        model.sparkProperty().set(Optional.of(new SparkInstallation(Path.of("/opt/spark"), "local[2]", Optional.empty(), List.of())));
    }

    @Test
    void eachModelRunsAsOneJob() throws Exception {
        // a.onnx: 5 of 6 right on the original, 3 of 6 on red. b.onnx: 6 of 6, then 4 of 6.
        submitter = new FakeSubmitter(succeeded(document(5, 3)), succeeded(document(6, 4)));
        Recorder recorder = new Recorder();

        EvaluationResults results = model.evaluation().run(recorder);
        model.apply(results);

        assertEquals(List.of("eval-cls", "--model", Path.of("/models/a.onnx").toAbsolutePath().toString(), "--spec",
                Path.of("/models/a.spec.json").toAbsolutePath().toString(), "--in", ORIGINAL.toString(), "--in", RED.toString(),
                "--device", "cpu", "--batch-size", "8", "--engine", "spark", "--master", "local[2]", "--json"), submitter.arguments.get(0));
        assertEquals(2, submitter.arguments.size());
        // Two stages of 1000 units each: the second model's job half done is 1500 of 2000.
        assertTrue(recorder.reports.contains("0/2000 a.onnx on Spark: Submitted to local[2], waiting for resources"), recorder.reports.toString());
        assertTrue(recorder.reports.contains("0/2000 a.onnx on Spark: Running on local[2]"), recorder.reports.toString());
        assertTrue(recorder.reports.contains("500/2000 a.onnx on Spark: Classifying original on Spark"), recorder.reports.toString());
        assertTrue(recorder.reports.contains("1500/2000 b.onnx on Spark: Classifying original on Spark"), recorder.reports.toString());

        assertEquals(5.0 / 6, model.value("a.onnx", "original"), 1e-12);
        assertEquals(0.5, model.value("a.onnx", "red"), 1e-12);
        assertEquals(1.0, model.value("b.onnx", "original"), 1e-12);
        assertEquals(4.0 / 6, model.value("b.onnx", "red"), 1e-12);
        assertEquals(List.of("cat", "ship"), model.classNames());
        // The selection is the first model on the last variant: a.onnx on red, where the 3 cats are right and the 3 ships wrong.
        assertArrayEquals(new long[][] {{3, 0}, {3, 0}}, model.selectedConfusion().orElseThrow());
        assertEquals(List.of("a.onnx on red: /data/red/cat/7.png: cannot decode the image",
                "b.onnx on red: /data/red/cat/7.png: cannot decode the image"), results.skipped());
        assertEquals(List.of(), model.visibleFlips());
        assertEquals(SparkClassifierEvaluation.FLIPS_NOTE, model.flipsPlaceholderProperty().get());
        assertEquals("4 results; flipped samples not listed (see their tab); 2 skipped", model.summaryProperty().get());
    }

    @Test
    void failedJobNamesModelAndLogFolder() throws Exception {
        Path logs = Path.of("/tmp/backdrop-spark-job-1");
        submitter = new FakeSubmitter(new SparkJobSubmitter.Outcome(JobPhase.FAILED, SparkAppHandle.State.FAILED, Optional.of("local-1"),
                Optional.empty(), List.of("InvalidInputException: /data/red: dataset not found"), logs));

        IOException error = assertThrows(IOException.class, () -> model.evaluation().run(new Recorder()));

        assertTrue(error.getMessage().startsWith("a.onnx: the Spark job ended with state FAILED (application local-1)"), error.getMessage());
        assertTrue(error.getMessage().contains(logs.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("dataset not found"), error.getMessage());
    }

    @Test
    void cancelledJobKeepsEarlierModels() throws Exception {
        submitter = new FakeSubmitter(succeeded(document(5, 3)), new SparkJobSubmitter.Outcome(JobPhase.CANCELLED, SparkAppHandle.State.KILLED,
                Optional.empty(), Optional.empty(), List.of(), Path.of("/tmp/backdrop-spark-job-2")));

        EvaluationResults results = model.evaluation().run(new Recorder());

        assertTrue(results.cancelled());
        assertEquals(List.of("original", "red"), results.cells().stream().map(CellResult::variant).toList());
        assertTrue(results.cells().stream().allMatch(cell -> cell.model().equals("a.onnx")));
    }

    @Test
    void resultForOtherInputsIsRejected() throws Exception {
        JsonNode oneDataset = document(5, 3);
        ((ArrayNode) oneDataset.get("datasets")).remove(1);
        submitter = new FakeSubmitter(succeeded(oneDataset));

        IOException error = assertThrows(IOException.class, () -> model.evaluation().run(new Recorder()));

        assertTrue(error.getMessage().contains("1 datasets for 2 inputs"), error.getMessage());
    }

    @Test
    void clusterWithoutInstallationIsRejected() {
        model.sparkProperty().set(Optional.empty());

        IllegalStateException error = assertThrows(IllegalStateException.class, model::evaluation);
        assertTrue(error.getMessage().startsWith("No Spark installation is set up"), error.getMessage());
    }

    private static SparkJobSubmitter.Outcome succeeded(JsonNode document) {
        return new SparkJobSubmitter.Outcome(JobPhase.SUCCEEDED, SparkAppHandle.State.FINISHED, Optional.of("local-1"), Optional.of(document),
                List.of(), Path.of("/tmp/backdrop-spark-job-0"));
    }

    /**
     * Returns an eval-cls result for two classes of 3 samples each on the original and red, with
     * {@code originalRight} and {@code redRight} samples right. Red also lists one skipped image.
     */
    private static JsonNode document(int originalRight, int redRight) throws IOException {
        return new ObjectMapper().readTree("{\"datasets\": [" + dataset("original", originalRight, "") + ","
                + dataset("red", redRight, "{\"file\": \"/data/red/cat/7.png\", \"reason\": \"cannot decode the image\"}")
                + "], \"comparisons\": [], \"bgGap\": null}");
    }

    /** Returns one input of {@code right} correct predictions: the cats are right first, then the ships. */
    private static String dataset(String name, int right, String skipped) {
        int cats = Math.min(3, right);
        int ships = right - cats;
        return "{\"name\": \"" + name + "\", \"path\": \"/data/" + name + "\", \"samples\": 6, \"correct\": " + right + ", \"accuracy\": "
                + (right / 6.0) + ", \"perClassAccuracy\": [{\"class\": 0, \"name\": \"cat\", \"samples\": 3, \"accuracy\": " + (cats / 3.0)
                + "}, {\"class\": 1, \"name\": \"ship\", \"samples\": 3, \"accuracy\": " + (ships / 3.0) + "}], \"confusionMatrix\": [[" + cats
                + ", " + (3 - cats) + "], [" + (3 - ships) + ", " + ships + "]], \"skipped\": [" + skipped + "]}";
    }
}
