package org.backdrop.ui.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.spark.launcher.SparkAppHandle;
import org.backdrop.ProgressListener;
import org.backdrop.engine.launch.JobPhase;
import org.backdrop.engine.launch.SparkInstallation;
import org.backdrop.engine.launch.SparkJobSubmitter;
import org.backdrop.model.DeviceRequest;
import org.backdrop.ui.cluster.RunOn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation screen's Spark path with a stand-in submitter: the arguments of each model's job, Spark's
 * states and the command's progress as the task's messages, and the command's result in the table. The
 * flipped samples come from the predictions file that the job writes to its results folder.
 */
class SparkEvaluationTest {

    /** The samples of both datasets, cats first: 3 cats and 3 ships. */
    private static final List<String> SAMPLES = List.of("cat/1", "cat/2", "cat/3", "ship/4", "ship/5", "ship/6");

    @TempDir
    Path folder;

    private Path original;
    private Path red;

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

    /**
     * Reports what a submitted job reports and ends each job with the next of the given outcomes. Before
     * that it writes the next of the given predictions files into the job's {@code --out} folder, unless that file is null.
     */
    private static final class FakeSubmitter {
        final List<List<String>> arguments = new ArrayList<>();
        final List<SparkJobSubmitter.Outcome> outcomes;
        final List<String> predictions = new ArrayList<>();

        FakeSubmitter(SparkJobSubmitter.Outcome... outcomes) {
            this.outcomes = new ArrayList<>(List.of(outcomes));
        }

        FakeSubmitter writing(String... files) {
            predictions.addAll(Arrays.asList(files));
            return this;
        }

        SparkJobSubmitter.Outcome run(String name, List<String> args, ProgressListener progress) throws IOException {
            arguments.add(args);
            progress.progress(0, -1, JobPhase.describe(SparkAppHandle.State.SUBMITTED, "local[2]"));
            progress.progress(0, -1, JobPhase.describe(SparkAppHandle.State.RUNNING, "local[2]"));
            // What the submitter passes on from a line "backdrop-progress: 30/60 Classifying original on Spark".
            progress.progress(30, 60, "Classifying original on Spark");
            String text = predictions.isEmpty() ? null : predictions.remove(0);
            if (text != null) {
                Files.writeString(out(args).resolve("predictions.csv"), text);
            }
            return outcomes.remove(0);
        }
    }

    private FakeSubmitter submitter;
    private final EvaluationViewModel model = new EvaluationViewModel(ClassifierFiles::open, installation -> submitter::run);

    @BeforeEach
    void inputs() throws IOException {
        original = dataset("original");
        red = dataset("red");
        model.addModel(Path.of("/models/a.onnx"), Path.of("/models/a.spec.json"));
        model.addModel(Path.of("/models/b.onnx"), Path.of("/models/b.spec.json"));
        model.addVariant(original);
        model.addVariant(red);
        model.deviceProperty().set(DeviceRequest.CPU);
        model.runOnProperty().set(RunOn.SPARK_CLUSTER);
        model.sparkProperty().set(Optional.of(new SparkInstallation(Path.of("/opt/spark"), "local[2]", Optional.empty(), List.of())));
    }

    @Test
    void eachModelRunsAsOneJob() throws Exception {
        // a.onnx: 5 of 6 right on the original, 3 of 6 on red. b.onnx: 6 of 6, then 4 of 6.
        submitter = new FakeSubmitter(succeeded(document(5, 3)), succeeded(document(6, 4)))
                .writing(predictions("a.onnx", 5, 3), predictions("b.onnx", 6, 4));
        Recorder recorder = new Recorder();

        EvaluationResults results = model.evaluation().run(recorder);
        model.apply(results);

        List<String> first = submitter.arguments.get(0);
        Path out = out(first);
        assertEquals(List.of("eval-cls", "--model", Path.of("/models/a.onnx").toAbsolutePath().toString(), "--spec",
                Path.of("/models/a.spec.json").toAbsolutePath().toString(), "--in", original.toString(), "--in", red.toString(),
                "--device", "cpu", "--batch-size", "8", "--out", out.toString(), "--engine", "spark", "--master", "local[2]", "--json"), first);
        assertEquals(2, submitter.arguments.size());
        assertTrue(out.isAbsolute(), out.toString());
        assertFalse(Files.exists(out), "the job's results folder is deleted once read");
        assertFalse(Files.exists(out(submitter.arguments.get(1))), "each job's results folder is deleted once read");
        assertNotEquals(out, out(submitter.arguments.get(1)));
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
        assertEquals(List.of("a.onnx on red: " + red.resolve("cat/7.png") + ": cannot decode the image",
                "b.onnx on red: " + red.resolve("cat/7.png") + ": cannot decode the image"), results.skipped());
        assertEquals("4 results; 4 flipped samples; 2 skipped", model.summaryProperty().get());
    }

    @Test
    void flipsComeFromThePredictionsFile() throws Exception {
        submitter = new FakeSubmitter(succeeded(document(5, 3)), succeeded(document(6, 4)))
                .writing(predictions("a.onnx", 5, 3), predictions("b.onnx", 6, 4));

        model.apply(model.evaluation().run(new Recorder()));

        // a.onnx: right on the original for cat/1..3, ship/4 and ship/5; right on red for the cats only.
        assertEquals(List.of("ship/4", "ship/5"), model.visibleFlips().stream().map(sample -> sample.originalSample().id()).toList());
        FlippedSample flip = model.visibleFlips().get(0);
        assertEquals("a.onnx", flip.model());
        assertEquals("red", flip.variant());
        assertEquals("ship", flip.trueClass());
        assertEquals("cat", flip.variantPrediction());
        assertEquals("ship/4", flip.variantSample().id());
        assertEquals(original, flip.original().root());
        assertEquals(red, flip.variantDataset().root());
        // b.onnx: all right on the original, right on red for the cats and ship/4.
        model.selectedModelProperty().set("b.onnx");
        assertEquals(List.of("ship/5", "ship/6"), model.visibleFlips().stream().map(sample -> sample.variantSample().id()).toList());
    }

    @Test
    void jobWithoutPredictionsFileSaysWhy() throws Exception {
        submitter = new FakeSubmitter(succeeded(document(5, 3)), succeeded(document(6, 4))).writing(null, predictions("b.onnx", 6, 4));

        EvaluationResults results = model.evaluation().run(new Recorder());

        assertTrue(results.skipped().contains("a.onnx: no flipped samples: eval-cls on Spark wrote no predictions.csv; a job jar older than "
                + "the studio writes none, so rebuild backdrop-spark-job.jar"), results.skipped().toString());
        assertEquals(List.of("b.onnx"), results.flips().stream().map(FlippedSample::model).distinct().toList());
    }

    @Test
    void unreadablePredictionsFileNamesLine() throws Exception {
        submitter = new FakeSubmitter(succeeded(document(5, 3)), succeeded(document(6, 4)))
                .writing(predictions("a.onnx", 5, 3).replace("a.onnx,red,ship/5,1,ship,0,cat,0", "a.onnx,red,ship/5,1,ship,0,cat,1"),
                        predictions("b.onnx", 6, 4));

        EvaluationResults results = model.evaluation().run(new Recorder());

        String line = results.skipped().stream().filter(text -> text.startsWith("a.onnx: no flipped samples: ")).findFirst().orElseThrow();
        // The header, 6 rows of the original, then red's cat/1..3, ship/4 and ship/5 on line 12.
        assertTrue(line.contains("predictions.csv: line 12: correct is \"1\" but the classes are 1 and 0"), line);
    }

    @Test
    void failedJobNamesModelAndLogFolder() throws Exception {
        Path logs = Path.of("/tmp/backdrop-spark-job-1");
        submitter = new FakeSubmitter(new SparkJobSubmitter.Outcome(JobPhase.FAILED, SparkAppHandle.State.FAILED, Optional.of("local-1"),
                Optional.empty(), List.of("InvalidInputException: /data/red: dataset not found"), logs));
        submitter.writing((String) null);

        IOException error = assertThrows(IOException.class, () -> model.evaluation().run(new Recorder()));

        assertTrue(error.getMessage().startsWith("a.onnx: the Spark job ended with state FAILED (application local-1)"), error.getMessage());
        assertTrue(error.getMessage().contains(logs.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("dataset not found"), error.getMessage());
    }

    @Test
    void cancelledJobKeepsEarlierModels() throws Exception {
        submitter = new FakeSubmitter(succeeded(document(5, 3)), new SparkJobSubmitter.Outcome(JobPhase.CANCELLED, SparkAppHandle.State.KILLED,
                Optional.empty(), Optional.empty(), List.of(), Path.of("/tmp/backdrop-spark-job-2"))).writing(predictions("a.onnx", 5, 3), null);

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
    private JsonNode document(int originalRight, int redRight) throws IOException {
        String skipped = new ObjectMapper().createObjectNode().put("file", red.resolve("cat/7.png").toString()).put("reason", "cannot decode the image")
                .toString();
        return new ObjectMapper().readTree("{\"datasets\": [" + dataset("original", originalRight, "") + ","
                + dataset("red", redRight, skipped)
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

    /**
     * Returns the predictions.csv of {@code model} that fits {@link #document}: on each dataset the first
     * {@code right} of {@link #SAMPLES} are right, a wrong cat is predicted as a ship and a wrong ship as a cat.
     */
    private static String predictions(String model, int originalRight, int redRight) {
        StringBuilder text = new StringBuilder("model,dataset,sample_id,true_class,true_name,predicted_class,predicted_name,correct\n");
        String[] names = {"cat", "ship"};
        for (String dataset : List.of("original", "red")) {
            int right = dataset.equals("original") ? originalRight : redRight;
            for (int i = 0; i < SAMPLES.size(); i++) {
                int label = i < 3 ? 0 : 1;
                int predicted = i < right ? label : 1 - label;
                text.append(String.join(",", model, dataset, SAMPLES.get(i), Integer.toString(label), names[label], Integer.toString(predicted),
                        names[predicted], predicted == label ? "1" : "0")).append('\n');
            }
        }
        return text.toString();
    }

    /** Writes a folder dataset of {@link #SAMPLES}, each a 4 by 4 PNG. */
    private Path dataset(String name) throws IOException {
        Path root = folder.resolve(name);
        for (String sample : SAMPLES) {
            Path file = root.resolve(sample + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        }
        return root;
    }

    /** Returns the value of {@code --out} in a job's arguments. */
    private static Path out(List<String> args) {
        int index = args.indexOf("--out");
        assertTrue(index >= 0, "no --out in " + args);
        return Path.of(args.get(index + 1));
    }
}
