package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.image.RgbImage;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.FixtureSpecs;
import org.backdrop.model.ForegroundMask;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.Segmenter;
import org.backdrop.image.ImageDecoder;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Runs the two person-segmentation fixture models and compares the foreground fraction of each mask, at
 * the original image size, with the reference. The reference decoded with javax.imageio and resized
 * with java.awt's bilinear filter, and OpenCV's decoding and resizing differ along edges, so fractions
 * may differ by 0.01. Measured here: within 0.003.
 */
class PersonSegmenterTest {

    private static final ModelOptions CPU = new ModelOptions(DeviceRequest.CPU, 4, 0);
    private static final double FRACTION_TOLERANCE = 0.01;

    @Test
    void selfieSegmentationFractions() throws Exception {
        Path model = SharedData.fixture("models/person_segmentation/selfie_segmentation.onnx");
        JsonNode expected = reference(model).get("selfie_segmentation.onnx").get("foreground_fraction_prob_gt_0.5");
        Path hopper = SharedData.fixture("odd_images/hopper.jpg");
        Path people = SharedData.fixture("models/detection_coco/3.jpg");
        Path coco = SharedData.fixture("coco/icevision_coco2017_subset/images/000000404249.jpg");

        List<ForegroundMask> masks = segment(model, "selfie_segmentation.spec.json", hopper, people, coco);

        assertEquals(128, masks.get(0).width());
        assertEquals(expected.get("../../odd_images/hopper.jpg").asDouble(), masks.get(0).foregroundFraction(), FRACTION_TOLERANCE);
        assertEquals(expected.get("../detection_coco/3.jpg").asDouble(), masks.get(1).foregroundFraction(), FRACTION_TOLERANCE);
        assertEquals(expected.get("../../coco/icevision_coco2017_subset/images/000000404249.jpg").asDouble(),
                masks.get(2).foregroundFraction(), FRACTION_TOLERANCE);
    }

    @Test
    void sinetFractions() throws Exception {
        Path model = SharedData.fixture("models/person_segmentation/SINet_Softmax_simple.onnx");
        JsonNode expected = reference(model).get("SINet_Softmax_simple.onnx").get("foreground_fraction_prob_gt_0.5");
        Path hopper = SharedData.fixture("odd_images/hopper.jpg");
        Path people = SharedData.fixture("models/detection_coco/3.jpg");

        List<ForegroundMask> masks = segment(model, "SINet_Softmax_simple.spec.json", hopper, people);

        assertEquals(500, masks.get(1).width());
        assertEquals(335, masks.get(1).height());
        assertEquals(expected.get("../../odd_images/hopper.jpg").get("RGB").asDouble(), masks.get(0).foregroundFraction(), FRACTION_TOLERANCE);
        assertEquals(expected.get("../detection_coco/3.jpg").get("RGB").asDouble(), masks.get(1).foregroundFraction(), FRACTION_TOLERANCE);
    }

    private static JsonNode reference(Path model) throws Exception {
        return new ObjectMapper().readTree(model.resolveSibling("expected_outputs.json").toFile());
    }

    private static List<ForegroundMask> segment(Path model, String specName, Path... imageFiles) throws Exception {
        ModelSpec spec = FixtureSpecs.read(specName, model.getParent());
        List<RgbImage> images = new ArrayList<>();
        for (Path file : imageFiles) {
            images.add(ImageDecoder.decode(file));
        }
        try (Segmenter segmenter = OnnxModels.segmenter(model, spec, CPU)) {
            return segmenter.segment(images);
        }
    }
}
