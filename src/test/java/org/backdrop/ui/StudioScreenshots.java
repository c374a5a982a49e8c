package org.backdrop.ui;

import static org.backdrop.ui.ScreenshotSteps.capture;
import static org.backdrop.ui.ScreenshotSteps.fire;
import static org.backdrop.ui.ScreenshotSteps.onFx;
import static org.backdrop.ui.ScreenshotSteps.selectTab;
import static org.backdrop.ui.ScreenshotSteps.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.backdrop.model.DeviceRequest;
import org.backdrop.store.ProjectStore;
import org.backdrop.ui.backgrounds.BackgroundsViewModel;
import org.backdrop.ui.editor.MaskEditorViewModel;
import org.backdrop.ui.editor.MaskEditorWindow;
import org.backdrop.ui.masks.MasksViewModel;

/**
 * Takes the screenshots of the Backgrounds panel's tabs and of the mask editor's threshold slider in
 * {@code docs/screenshots} from the shared fixtures. The Backgrounds screenshots show a project on a
 * copy of the six-image COCO subset with masks from its annotations and the fixture photos as scenes.
 * The editor screenshot shows masks that the selfie segmentation model computed for the four people
 * of the FastestDet example image.
 *
 * <p>Run under Xvfb from the repository root after {@code ./mvnw -q -B -o test-compile} and
 * {@code ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * {@code xvfb-run -s "-screen 0 1400x900x24" java -cp "target/test-classes:target/classes:$(cat target/cp.txt)"
 * org.backdrop.ui.StudioScreenshots ../shared docs/screenshots}. It needs ImageMagick's {@code import} and
 * {@code convert}, and the same fixtures give the same images.
 */
public final class StudioScreenshots {

    private StudioScreenshots() {}

    public static void main(String[] args) throws Exception {
        ScreenshotSteps.run(args, (harness, fixtures, work, out) -> {
            backgrounds(harness, fixtures, work, out);
            editor(harness, fixtures, work, out);
        });
    }

    private static void backgrounds(StudioHarness harness, Path fixtures, Path work, Path out) throws Exception {
        Path coco = copy(fixtures.resolve("coco/icevision_coco2017_subset"), work.resolve("coco"));
        openThen(harness, done -> harness.createProject(coco.resolve("annotations.json"), work.resolve("coco" + ProjectStore.EXTENSION), dataset -> done.set(true)));
        computeMasks(harness, "annotations");

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
