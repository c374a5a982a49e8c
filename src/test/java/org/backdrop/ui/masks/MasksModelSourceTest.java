package org.backdrop.ui.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backdrop.ProgressListener;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.dataset.Sample;
import org.backdrop.image.ImageEncoder;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.backdrop.model.DeviceRequest;
import org.backdrop.segment.MaskPlan;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Masks from the tiny DeepLab-shaped test model, which marks red pixels as class 15 and grey ones as
 * background, over the whole dataset, the selected sample and Browse's filtered samples.
 */
class MasksModelSourceTest {

    private static final Path MODEL = Path.of("src/test/resources/models/tiny_deeplab/tiny_deeplab.onnx");

    @TempDir
    Path temp;

    private StudioSession session;
    private final ObservableList<Sample> filtered = FXCollections.observableArrayList();
    private MasksViewModel model;

    @BeforeEach
    void openDataset() throws Exception {
        // 32x32 grey images with a red square: 16x16 (256 pixels) in a and c, 8x8 (64 pixels) in b.
        Path data = temp.resolve("data");
        writeImage(Files.createDirectories(data.resolve("cat")).resolve("a.png"), 8, 16);
        writeImage(data.resolve("cat").resolve("b.png"), 0, 8);
        writeImage(Files.createDirectories(data.resolve("dog")).resolve("c.png"), 16, 16);
        session = StudioTestData.session(data);
        model = new MasksViewModel(session, filtered);
        model.sourceProperty().set(MasksViewModel.Source.MODEL);
        model.modelFileProperty().set(MODEL);
        model.deviceProperty().set(DeviceRequest.CPU);
    }

    @Test
    void modelMasksEverySample() throws Exception {
        MaskPlan plan = model.computation().run(ProgressListener.NONE);
        model.apply(plan);

        assertEquals(256, mask("a").area());
        assertEquals(64, mask("b").area());
        assertEquals(256, mask("c").area());
        assertEquals(MaskOrigin.MODEL, session.maskOrigin(sample("b").id()).orElseThrow());
        assertEquals("3 masks from onnx; no mask for 0 of 3 samples", model.summaryProperty().get());
    }

    @Test
    void selectedScopeKeepsOtherMasks() throws Exception {
        giveOnePixelMasks();
        session.selectedProperty().set(sample("b"));
        model.scopeProperty().set(MasksViewModel.Scope.SELECTED);

        model.apply(model.computation().run(ProgressListener.NONE));

        assertEquals(64, mask("b").area());
        assertEquals(1, mask("a").area());
        assertEquals(1, mask("c").area());
        assertEquals(MaskOrigin.ANNOTATION, session.maskOrigin(sample("a").id()).orElseThrow());
        assertEquals("1 masks from onnx; no mask for 0 of 1 samples; 3 masks in all", model.summaryProperty().get());
    }

    @Test
    void filteredSamplesAreComputed() throws Exception {
        giveOnePixelMasks();
        filtered.setAll(sample("c"), sample("a"));
        model.scopeProperty().set(MasksViewModel.Scope.FILTERED);

        assertEquals(2, model.scopeSamples().size());
        model.apply(model.computation().run(ProgressListener.NONE));

        assertEquals(256, mask("a").area());
        assertEquals(1, mask("b").area());
        assertEquals(256, mask("c").area());
    }

    @Test
    void emptyScopeIsRefused() {
        session.selectedProperty().set(null);
        model.scopeProperty().set(MasksViewModel.Scope.SELECTED);
        IllegalStateException error = assertThrows(IllegalStateException.class, model::computation);
        assertTrue(error.getMessage().contains("no sample is selected"), error.getMessage());

        model.scopeProperty().set(MasksViewModel.Scope.FILTERED);
        assertThrows(IllegalStateException.class, model::computation);
    }

    @Test
    void missingModelOrSpecIsNamed() throws Exception {
        Path lone = Files.copy(MODEL, temp.resolve("lone.onnx"));
        IllegalArgumentException noSpec = assertThrows(IllegalArgumentException.class,
                () -> MasksViewModel.openSource(MasksViewModel.Source.MODEL, lone, null, DeviceRequest.CPU));
        assertTrue(noSpec.getMessage().startsWith(temp.resolve("lone.spec.json") + ": model spec not found"), noSpec.getMessage());

        Path missing = temp.resolve("missing.onnx");
        IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
                () -> MasksViewModel.openSource(MasksViewModel.Source.MODEL, missing, null, DeviceRequest.CPU));
        assertTrue(noModel.getMessage().startsWith(missing + ": model file not found"), noModel.getMessage());

        assertThrows(IllegalArgumentException.class, () -> MasksViewModel.openSource(MasksViewModel.Source.MODEL, null, null, DeviceRequest.CPU));
    }

    private void giveOnePixelMasks() {
        Map<String, Rle> masks = new HashMap<>();
        Map<String, MaskOrigin> origins = new HashMap<>();
        for (Sample sample : session.dataset().samples()) {
            byte[] pixels = new byte[32 * 32];
            pixels[0] = 1;
            masks.put(sample.id(), Rle.fromRowMajor(pixels, 32, 32));
            origins.put(sample.id(), MaskOrigin.ANNOTATION);
        }
        session.setMasks(masks, origins);
    }

    private Sample sample(String name) {
        return session.dataset().samples().stream().filter(sample -> sample.image().describe().endsWith(name + ".png")).findFirst().orElseThrow();
    }

    private Rle mask(String name) {
        return session.masksProperty().get().get(sample(name).id());
    }

    private static void writeImage(Path file, int start, int side) throws Exception {
        byte[] pixels = new byte[32 * 32 * 3];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                boolean square = x >= start && x < start + side && y >= start && y < start + side;
                int offset = (y * 32 + x) * 3;
                pixels[offset] = (byte) (square ? 255 : 128);
                pixels[offset + 1] = (byte) (square ? 0 : 128);
                pixels[offset + 2] = (byte) (square ? 0 : 128);
            }
        }
        ImageEncoder.writePng(new RgbImage(32, 32, pixels), file);
    }
}
