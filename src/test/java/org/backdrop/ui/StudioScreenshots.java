package org.backdrop.ui;

import static org.backdrop.ui.ScreenshotSteps.capture;
import static org.backdrop.ui.ScreenshotSteps.fire;
import static org.backdrop.ui.ScreenshotSteps.onFx;
import static org.backdrop.ui.ScreenshotSteps.selectTab;
import static org.backdrop.ui.ScreenshotSteps.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.stage.Window;
import org.backdrop.model.DeviceRequest;
import org.backdrop.store.ProjectStore;
import org.backdrop.ui.backgrounds.BackgroundsViewModel;
import org.backdrop.ui.editor.MaskEditorViewModel;
import org.backdrop.ui.editor.MaskEditorWindow;
import org.backdrop.ui.export.ExportDialog;
import org.backdrop.ui.masks.MasksViewModel;
import org.backdrop.ui.review.ReviewViewModel;

/**
 * Takes the screenshots of the studio's screens in {@code docs/screenshots} from the shared fixtures:
 * Masks, Review, Browse (light and dark), the Backgrounds panel's tabs, the Export dialog over the main
 * window, and the mask editor with an annotation mask and with its threshold slider. All but the threshold
 * screenshot show a project on a copy of the six-image COCO subset with masks from its annotations,
 * four review decisions (two accepted, one rejected, one edited) and the fixture photos as scenes. The threshold screenshot shows masks that the
 * selfie segmentation model computed for the four people of the FastestDet example image.
 *
 * <p>Run under Xvfb from the repository root after {@code ./mvnw -q -B -o test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}:
 * {@code xvfb-run -a -s "-screen 0 1400x900x24" java -cp "target/test-classes:target/classes:$(cat target/cp.txt)"
 * org.backdrop.ui.StudioScreenshots ../shared docs/screenshots}. It needs ImageMagick's {@code import} and
 * {@code convert}, and the same fixtures give the same images.
 */
public final class StudioScreenshots {

    private StudioScreenshots() {}

    public static void main(String[] args) throws Exception {
        ScreenshotSteps.run(args, (harness, fixtures, work, out) -> {
            openCoco(harness, fixtures, work);
            views(harness, out);
            backgrounds(harness, fixtures, out);
            export(harness, out);
            editor(harness, fixtures, work, out);
        });
    }

    /** Creates a project on a copy of the COCO subset and computes its masks from the annotations. */
    private static void openCoco(StudioHarness harness, Path fixtures, Path work) throws Exception {
        Path coco = copy(fixtures.resolve("coco/icevision_coco2017_subset"), work.resolve("coco"));
        openThen(harness, done -> harness.createProject(coco.resolve("annotations.json"), work.resolve("coco" + ProjectStore.EXTENSION), dataset -> done.set(true)));
        computeMasks(harness, "annotations");
    }

    /**
     * Takes the Masks screen with its summary, then makes four review decisions (accepted, accepted,
     * rejected, edited) so that Review and Browse show their status colours and counts, in both themes.
     */
    private static void views(StudioHarness harness, Path out) throws Exception {
        Window main = onFx(() -> harness.scene().getWindow());
        capture(out.resolve("masks.png"), main);

        ReviewViewModel review = harness.review();
        onFx(() -> {
            review.accept();
            review.accept();
            review.reject();
            review.markEdited();
            // Goes back to the second sample, an accepted one, because its upright photo keeps the PNG under 300 KB.
            review.previous();
            review.previous();
            review.previous();
            harness.show("review");
            return null;
        });
        capture(out.resolve("review.png"), main);

        onFx(() -> {
            harness.show("browse");
            return null;
        });
        capture(out.resolve("browse.png"), main);
        onFx(() -> {
            harness.darkTheme(true);
            return null;
        });
        capture(out.resolve("browse-dark.png"), main);
        onFx(() -> {
            harness.darkTheme(false);
            // The first sample again, which the Backgrounds screen previews.
            review.previous();
            return null;
        });
    }

    /** Opens File › Export… over the main window with the backgrounds chosen on the Backgrounds screen. */
    private static void export(StudioHarness harness, Path out) throws Exception {
        Window main = onFx(() -> harness.scene().getWindow());
        ExportDialog dialog = onFx(harness::showExport);
        Path file = out.resolve("export.png");
        capture(file, main);
        // Xvfb runs no window manager, so the dialog has no frame of its own and a grey line marks its edge.
        String edge = onFx(() -> String.format(Locale.ROOT, "rectangle %d,%d %d,%d", Math.round(dialog.stage().getX()) - 1,
                Math.round(dialog.stage().getY()) - 1, Math.round(dialog.stage().getX() + dialog.stage().getWidth()),
                Math.round(dialog.stage().getY() + dialog.stage().getHeight())));
        ScreenshotSteps.run(List.of("convert", file.toString(), "-fill", "none", "-stroke", "#7a7f88", "-draw", edge,
                "-colors", "256", "PNG8:" + file), file);
        onFx(() -> {
            dialog.stage().close();
            return null;
        });
    }

    private static void backgrounds(StudioHarness harness, Path fixtures, Path out) throws Exception {
        BackgroundsViewModel model = harness.backgrounds();
        onFx(() -> {
            harness.show("backgrounds");
            model.chosen().setAll("red", "noise-uniform", "mean", "mixed-rand");
            model.sceneFolderProperty().set(fixtures.resolve("backgrounds"));
            model.mapping().setAll(List.of(
                    new BackgroundsViewModel.SceneMapping("person", List.of("mate_GreenMeadow.jpg", "plasma_Path.jpg")),
                    new BackgroundsViewModel.SceneMapping("dog", List.of("mate_Wood.jpg"))));
            model.savePreset("bg-challenge");
            model.savePreset("colour-only");
            return null;
        });
        selectTab(harness, "#background-options", 2);
        capture(out.resolve("backgrounds-scenes.png"));
        selectTab(harness, "#background-options", 1);
        capture(out.resolve("backgrounds-presets.png"));
        selectTab(harness, "#background-options", 3);
        fire(harness, "#compute-mean");
        waitFor(() -> model.meanImageProperty().get() != null, 120);
        capture(out.resolve("backgrounds-mean.png"));

        selectTab(harness, "#background-options", 0);
        capture(out.resolve("backgrounds.png"));
        onFx(() -> {
            harness.darkTheme(true);
            return null;
        });
        capture(out.resolve("backgrounds-dark.png"));
        onFx(() -> {
            harness.darkTheme(false);
            return null;
        });
    }

    private static void editor(StudioHarness harness, Path fixtures, Path work, Path out) throws Exception {
        MaskEditorWindow annotated = onFx(() -> harness.editMask(0));
        capture(out.resolve("editor.png"), annotated.stage());
        onFx(() -> {
            annotated.stage().close();
            return null;
        });

        Path people = Files.createDirectories(work.resolve("people/person"));
        Files.copy(fixtures.resolve("models/detection_coco/3.jpg"), people.resolve("street.jpg"));
        openThen(harness, done -> harness.open(people.getParent(), dataset -> done.set(true)));
        MasksViewModel masks = harness.masks();
        Path spec = Path.of(StudioScreenshots.class.getResource("/models/selfie_segmentation.spec.json").toURI());
        onFx(() -> {
            masks.sourceProperty().set(MasksViewModel.Source.MODEL);
            masks.modelFileProperty().set(fixtures.resolve("models/person_segmentation/selfie_segmentation.onnx"));
            masks.specFileProperty().set(spec);
            masks.deviceProperty().set(DeviceRequest.CPU);
            return null;
        });
        computeMasks(harness, "onnx");

        MaskEditorWindow window = onFx(() -> harness.editMask(0));
        MaskEditorViewModel model = window.view().model();
        waitFor(() -> model.probabilityMaskProperty().get(), 120);
        onFx(() -> {
            model.thresholdProperty().set(0.8);
            return null;
        });
        capture(out.resolve("editor-threshold.png"), window.stage());
        onFx(() -> {
            window.stage().close();
            return null;
        });
    }

    /** Fires Compute on the Masks screen and waits for the summary of masks from {@code source}. */
    private static void computeMasks(StudioHarness harness, String source) throws Exception {
        onFx(() -> {
            harness.show("masks");
            return null;
        });
        fire(harness, "#compute-masks");
        waitFor(() -> harness.masks().summaryProperty().get().contains("masks from " + source), 300);
    }

    /** Runs {@code open}, which sets its flag once the dataset is open, and waits for it. */
    private static void openThen(StudioHarness harness, Consumer<AtomicBoolean> open) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        onFx(() -> {
            open.accept(done);
            return null;
        });
        waitFor(done::get, 120);
    }

    private static Path copy(Path source, Path target) throws Exception {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Files.copy(path, target.resolve(source.relativize(path).toString()));
            }
        }
        return target;
    }
}
