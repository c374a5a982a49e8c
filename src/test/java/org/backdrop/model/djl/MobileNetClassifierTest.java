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
import org.backdrop.model.TestImages;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Runs the int8 MobileNetV2, which needs ONNX Runtime's com.microsoft contrib operators, with
 * shorter-side resize and centre crop on the finch photo. The reference resized with java.awt and
 * Backdrop resizes with OpenCV; the int8 scores move in steps of about 0.8, so the scores differ by a few
 * steps (21.1 here against 19.06) and the fifth class changes, but the first four classes keep their order.
 */
class MobileNetClassifierTest {

    @Test
    void finchIsClass12() throws Exception {
        Path model = SharedData.fixture("models/imagenet/mobilenetv2-12-int8.onnx");
        ModelSpec spec = FixtureSpecs.read("mobilenetv2-12-int8.spec.json", model.getParent());
        JsonNode expected = new ObjectMapper().readTree(model.resolveSibling("expected_outputs.json").toFile()).get("top5");

        ClassScores scores;
        try (Classifier classifier = OnnxModels.classifier(model, spec, new ModelOptions(DeviceRequest.CPU, 8, 0))) {
            scores = classifier.classify(List.of(TestImages.read(model.resolveSibling("imagenet_finch.jpeg")))).get(0);
        }

        List<Integer> expectedTop4 = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            expectedTop4.add(expected.get(i).get("class").asInt());
        }
        assertEquals(12, scores.predictedClass());
        assertEquals("house finch", spec.className(12));
        assertEquals(expectedTop4, scores.topClasses(4));
    }
}
