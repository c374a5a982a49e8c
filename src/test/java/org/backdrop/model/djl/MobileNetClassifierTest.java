package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.model.ClassScores;
import org.backdrop.model.Classifier;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.FixtureSpecs;
import org.backdrop.model.ModelOptions;
import org.backdrop.image.ImageDecoder;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Runs the int8 MobileNetV2, which needs ONNX Runtime's com.microsoft contrib operators, with
 * shorter-side resize and centre crop on the finch photo. The reference decoded with javax.imageio and
 * resized with java.awt; Backdrop uses OpenCV for both. The scores differ a little (19.86 here against
 * 19.06 for the finch), and the classes ranked fourth to sixth lie within 0.2 of each other and swap
 * places, but the first three classes keep their order.
 */
class MobileNetClassifierTest {

    @Test
    void finchIsClass12() throws Exception {
        Path model = SharedData.fixture("models/imagenet/mobilenetv2-12-int8.onnx");
        ModelSpec spec = FixtureSpecs.read("mobilenetv2-12-int8.spec.json", model.getParent());
        JsonNode expected = new ObjectMapper().readTree(model.resolveSibling("expected_outputs.json").toFile()).get("top5");

        ClassScores scores;
        try (Classifier classifier = OnnxModels.classifier(model, spec, new ModelOptions(DeviceRequest.CPU, 8, 0))) {
            scores = classifier.classify(List.of(ImageDecoder.decode(model.resolveSibling("imagenet_finch.jpeg")))).get(0);
        }

        List<Integer> expectedTop3 = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expectedTop3.add(expected.get(i).get("class").asInt());
        }
        assertEquals(12, scores.predictedClass());
        assertEquals("house finch", spec.className(12));
        assertEquals(expectedTop3, scores.topClasses(3));
    }
}
