package org.backdrop.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.backdrop.model.DeviceRequest;
import org.backdrop.ui.results.EvaluationKind;
import org.backdrop.ui.results.EvaluationViewModel;
import org.backdrop.ui.training.TrainingViewModel;

/**
 * Takes the screenshots of the Evaluate and Train screens in {@code docs/screenshots} from the shared
 * fixtures: the CIFAR-10 test JPEGs with two variants written here (grayscale, and darkened to 40 %
 * brightness), the resnet_2b and cifar_base_kw classifiers, and the COCO val2014 fake detections.
 *
 * <p>Run under Xvfb from the repository root after {@code ./mvnw -q -B -o test-compile}, with the test
 * classpath in {@code /tmp/cp.txt}: {@code xvfb-run -s "-screen 0 1400x900x24" java -cp
 * "target/test-classes:target/classes:$(cat /tmp/cp.txt)" org.backdrop.ui.ResultsScreenshots ../shared docs/screenshots}.
 * It calls ImageMagick's {@code import -window root} for each screenshot.
 */
public final class ResultsScreenshots {

    private ResultsScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path work = Files.createTempDirectory("results-screenshots");
        try {
            Path fixtures = shared.resolve("fixtures");
            Path original = fixtures.resolve("cifar10/test_images_jpg");
            Path grayscale = writeVariant(original, work.resolve("grayscale"), true);
            Path dark = writeVariant(original, work.resolve("dark"), false);

            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(30, TimeUnit.SECONDS);
            StudioHarness harness = onFx(() -> new StudioHarness(new Stage(), 1400, 900));

            evaluate(harness, fixtures, original, grayscale, dark, out);
            detect(harness, fixtures, out);
            train(harness, original, grayscale, work.resolve("runs"), out);
            onFx(() -> {
                harness.close();
                return null;
            });
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
            Platform.exit();
        }
    }

    private static void evaluate(StudioHarness harness, Path fixtures, Path original, Path grayscale, Path dark, Path out) throws Exception {
        Path specs = Path.of(ResultsScreenshots.class.getResource("/models/resnet_2b.spec.json").toURI()).getParent();
        EvaluationViewModel model = harness.evaluation();
        onFx(() -> {
            harness.show("evaluate");
            model.deviceProperty().set(DeviceRequest.CPU);
            model.addModel(fixtures.resolve("models/cifar10/resnet_2b.onnx"), specs.resolve("resnet_2b.spec.json"));
            model.addModel(fixtures.resolve("models/cifar10/cifar_base_kw.onnx"), specs.resolve("cifar_base_kw.spec.json"));
            model.addVariant(original);
            model.addVariant(grayscale);
            model.addVariant(dark);
            return null;
        });
        fire(harness, "#run-evaluation");
        waitFor(() -> model.resultsProperty().get() != null, 300);
        selectResultsTab(harness, 1);
        capture(out.resolve("evaluate.png"));
        selectResultsTab(harness, 2);
        capture(out.resolve("evaluate-confusion.png"));
        onFx(() -> {
            model.selectedVariantProperty().set("dark");
            return null;
        });
        selectResultsTab(harness, 4);
        capture(out.resolve("evaluate-flips.png"));
    }

    private static void detect(StudioHarness harness, Path fixtures, Path out) throws Exception {
        Path coco = fixtures.resolve("coco/val2014_first100_eval");
        EvaluationViewModel model = harness.evaluation();
        onFx(() -> {
            model.kindProperty().set(EvaluationKind.DETECTION);
            model.addVariant(coco.resolve("instances_val2014_100.json"));
            model.addDetections(coco.resolve("instances_val2014_fakebbox100_results.json"), "fake boxes", "instances_val2014_100");
            return null;
        });
        fire(harness, "#run-evaluation");
        waitFor(() -> model.resultsProperty().get() != null && model.resultsProperty().get().kind() == EvaluationKind.DETECTION, 120);
        selectResultsTab(harness, 3);
        capture(out.resolve("evaluate-pr.png"));
    }

    private static void train(StudioHarness harness, Path original, Path grayscale, Path runs, Path out) throws Exception {
        TrainingViewModel model = harness.training();
        onFx(() -> {
            harness.show("train");
            model.addSource(original, 1.0);
            model.tests().add(original);
            model.tests().add(grayscale);
            model.epochsProperty().set(4);
            model.batchSizeProperty().set(32);
            model.learningRateProperty().set(0.05);
            model.outProperty().set(runs.resolve("resnet20-cifar300"));
            return null;
        });
        fire(harness, "#start-training");
        waitFor(() -> model.summaryProperty().get().startsWith("Trained") || model.summaryProperty().get().startsWith("Training failed"), 900);
        capture(out.resolve("train.png"));
    }

    /** Clicks the button with {@code id} once the screen just shown has joined the scene. */
    private static void fire(StudioHarness harness, String id) throws Exception {
        waitFor(() -> harness.scene().lookup(id) != null, 30);
        onFx(() -> {
            ((Button) harness.scene().lookup(id)).fire();
            return null;
        });
    }

    private static void selectResultsTab(StudioHarness harness, int index) throws Exception {
        onFx(() -> {
            ((TabPane) harness.scene().lookup("#results-tabs")).getSelectionModel().select(index);
            return null;
        });
    }

    /** Waits for two pulses and the thumbnail loaders, then saves the X display. */
    static void capture(Path file) throws Exception {
        Thread.sleep(1500);
        onFx(() -> null);
        Process process = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (onFx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("timed out after " + seconds + " s");
    }

    static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** Writes every class folder of {@code original} to {@code target} in grayscale, or darkened to 40 %. */
    private static Path writeVariant(Path original, Path target, boolean gray) throws Exception {
        try (Stream<Path> files = Files.walk(original)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".jpg")).toList()) {
                Path output = target.resolve(original.relativize(file).toString());
                Files.createDirectories(output.getParent());
                BufferedImage image = ImageIO.read(file.toFile());
                BufferedImage result = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
                if (gray) {
                    new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_GRAY), null).filter(image, result);
                } else {
                    Graphics2D graphics = result.createGraphics();
                    graphics.drawImage(image, 0, 0, null);
                    graphics.setColor(new Color(0, 0, 0, 153));
                    graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
                    graphics.dispose();
                }
                ImageIO.write(result, "jpg", output.toFile());
            }
        }
        return target;
    }
}
