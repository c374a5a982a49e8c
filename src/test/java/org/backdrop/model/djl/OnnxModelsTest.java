package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.FixtureSpecs;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.spec.InputSpec;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

class OnnxModelsTest {

    private static final ModelOptions CPU = new ModelOptions(DeviceRequest.CPU, 8, 0);

    @Test
    void wrongShapeNamesBothShapes() throws Exception {
        Path model = SharedData.fixture("models/cifar10/resnet_2b.onnx");
        ModelSpec spec = FixtureSpecs.read("resnet_2b.spec.json", model.getParent());
        ModelSpec wrong = new ModelSpec(spec.source(), spec.task(), new InputSpec("input.1", List.of(1L, 3L, 64L, 64L), spec.input().layout()),
                spec.preprocessing(), spec.output(), spec.classNames());

        ModelSpecException error = assertThrows(ModelSpecException.class, () -> OnnxModels.classifier(model, wrong, CPU));

        assertTrue(error.getMessage().contains("'input.shape' is [1, 3, 64, 64]"), error.getMessage());
        assertTrue(error.getMessage().contains("has the shape [1, 3, 32, 32]"), error.getMessage());
    }

    @Test
    void nhwcSpecForNchwModelRejected() throws Exception {
        Path model = SharedData.fixture("models/cifar10/resnet_2b.onnx");
        ModelSpec marabou = FixtureSpecs.read("marabou_cifar10_small.spec.json", model.getParent());
        ModelSpec wrong = new ModelSpec("wrong.spec.json", marabou.task(), new InputSpec("input.1", List.of(1L, 32L, 32L, 3L), marabou.input().layout()),
                marabou.preprocessing(), marabou.output(), marabou.classNames());

        ModelSpecException error = assertThrows(ModelSpecException.class, () -> OnnxModels.classifier(model, wrong, CPU));

        assertTrue(error.getMessage().contains("[1, 32, 32, 3]"), error.getMessage());
    }

    @Test
    void segmentationSpecRejectedForClassifier() throws Exception {
        Path model = SharedData.fixture("models/person_segmentation/selfie_segmentation.onnx");
        ModelSpec spec = FixtureSpecs.read("selfie_segmentation.spec.json", model.getParent());

        ModelSpecException error = assertThrows(ModelSpecException.class, () -> OnnxModels.classifier(model, spec, CPU));

        assertTrue(error.getMessage().contains("field 'task' is segmentation but a classification model is needed"), error.getMessage());
    }

    @Test
    void missingModelFileNamed() throws Exception {
        Path model = SharedData.fixture("models/cifar10").resolve("absent.onnx");
        ModelSpec spec = FixtureSpecs.read("resnet_2b.spec.json", model.getParent());

        ModelException error = assertThrows(ModelException.class, () -> OnnxModels.classifier(model, spec, CPU));

        assertEquals("model file not found: " + model, error.getMessage());
    }

    @Test
    void fixedBatchModelRunsOneAtATime() throws Exception {
        Path model = SharedData.fixture("models/cifar10/resnet_2b.onnx");

        try (var classifier = OnnxModels.classifier(model, FixtureSpecs.read("resnet_2b.spec.json", model.getParent()), CPU)) {
            assertEquals(1, classifier.batchSize());
            assertEquals("cpu", classifier.device().name());
        }
    }
}
