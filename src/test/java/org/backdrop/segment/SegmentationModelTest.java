package org.backdrop.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.image.ImageDecoder;
import org.backdrop.image.RgbImage;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ForegroundMask;
import org.backdrop.model.ForegroundProbabilities;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.ProbabilitySegmenter;
import org.backdrop.model.Segmenter;
import org.backdrop.model.djl.OnnxModels;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens segmentation models from their files. The selfie model's reference gives the share of pixels of
 * hopper.jpg whose probability is greater than 0.5, measured with another decoder and resizer, so the
 * share may differ by 0.01.
 */
class SegmentationModelTest {

    private static final Path SELFIE_SPEC = Path.of("src/test/resources/models/selfie_segmentation.spec.json");
    private static final Path TINY_DEEPLAB = Path.of("src/test/resources/models/tiny_deeplab/tiny_deeplab.onnx");

    @TempDir
    Path temp;

    @Test
    void selfieProbabilitiesMatchReference() throws Exception {
        Path model = SharedData.fixture("models/person_segmentation/selfie_segmentation.onnx");
        double expected = new ObjectMapper().readTree(model.resolveSibling("expected_outputs.json").toFile())
                .get("selfie_segmentation.onnx").get("foreground_fraction_prob_gt_0.5").get("../../odd_images/hopper.jpg").asDouble();
        RgbImage hopper = ImageDecoder.decode(SharedData.fixture("odd_images/hopper.jpg"));
        SegmentationModel named = new SegmentationModel(model, SELFIE_SPEC, DeviceRequest.CPU);

        ForegroundProbabilities probabilities;
        try (ProbabilitySegmenter segmenter = named.openProbabilities()) {
            probabilities = segmenter.probabilities(List.of(hopper)).get(0);
        }

        assertEquals(128, probabilities.width());
        assertEquals(128, probabilities.height());
        assertEquals(expected, probabilities.threshold(0.5).foregroundFraction(), 0.01);
        // A probability is at most 1, so nothing is greater than 1.
        assertEquals(0, probabilities.threshold(1.0).foregroundFraction());
        for (float value : probabilities.values()) {
            assertTrue(value >= 0, "probability " + value + " is below 0");
            assertTrue(value <= 1, "probability " + value + " is above 1");
        }
    }

    @Test
    void probabilitiesAgreeWithMaskSource() throws Exception {
        Path model = SharedData.fixture("models/person_segmentation/selfie_segmentation.onnx");
        RgbImage hopper = ImageDecoder.decode(SharedData.fixture("odd_images/hopper.jpg"));
        SegmentationModel named = new SegmentationModel(model, SELFIE_SPEC, DeviceRequest.CPU);

        ForegroundMask thresholded;
        try (ProbabilitySegmenter segmenter = named.openProbabilities()) {
            thresholded = segmenter.probabilities(List.of(hopper)).get(0).threshold(0.5);
        }
        ForegroundMask segmented;
        try (Segmenter segmenter = OnnxModels.segmenter(model, named.readSpec(), ModelOptions.defaults().withDevice(DeviceRequest.CPU))) {
            segmented = segmenter.segment(List.of(hopper)).get(0);
        }

        assertEquals(segmented, thresholded);
    }

    @Test
    void classLogitsGiveNoProbabilities() {
        SegmentationModel named = new SegmentationModel(TINY_DEEPLAB, null, DeviceRequest.CPU);

        ModelSpecException error = assertThrows(ModelSpecException.class, named::openProbabilities);

        assertTrue(error.getMessage().contains("class logits"), error.getMessage());
    }

    @Test
    void missingFilesAreNamed() throws Exception {
        Path lone = Files.copy(TINY_DEEPLAB, temp.resolve("lone.onnx"));
        ModelSpecException noSpec = assertThrows(ModelSpecException.class,
                () -> new SegmentationModel(lone, null, DeviceRequest.CPU).openMaskSource());
        assertTrue(noSpec.getMessage().startsWith(temp.resolve("lone.spec.json") + ": model spec not found"), noSpec.getMessage());

        Path missing = temp.resolve("missing.onnx");
        ModelException noModel = assertThrows(ModelException.class,
                () -> new SegmentationModel(missing, null, DeviceRequest.CPU).openMaskSource());
        assertTrue(noModel.getMessage().startsWith(missing + ": model file not found"), noModel.getMessage());
    }
}
