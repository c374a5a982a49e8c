package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backdrop.model.spec.ColorOrder;
import org.backdrop.model.spec.InputSpec;
import org.backdrop.model.spec.Interpolation;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelTask;
import org.backdrop.model.spec.OutputSpec;
import org.backdrop.model.spec.Preprocessing;
import org.backdrop.model.spec.ResizeRule;
import org.backdrop.model.spec.TensorLayout;
import org.junit.jupiter.api.Test;

class SpecCheckTest {

    private static final Path MODEL = Path.of("net.onnx");
    private static final Preprocessing PLAIN = new Preprocessing(ColorOrder.RGB, 1, List.of(0.0), List.of(1.0), new ResizeRule.Stretch(), Interpolation.BILINEAR);
    private static final List<String> TEN_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @Test
    void dynamicBatchAcceptsAnyBatch() {
        ModelSignature model = signature(List.of(-1L, 3L, 32L, 32L), List.of(-1L, 10L));

        assertDoesNotThrow(() -> SpecCheck.check(classifier(List.of(8L, 3L, 32L, 32L), TEN_CLASSES), model, MODEL));
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        ModelSignature model = signature(List.of(1L, 3L, 32L, 32L), List.of(1L, 10L));

        ModelSpecException error = assertThrows(ModelSpecException.class,
                () -> SpecCheck.check(classifier(List.of(1L, 3L, 224L, 224L), TEN_CLASSES), model, MODEL));

        assertTrue(error.getMessage().startsWith("net.spec.json: field 'input.shape' is [1, 3, 224, 224]"), error.getMessage());
        assertTrue(error.getMessage().contains("has the shape [1, 3, 32, 32]"), error.getMessage());
    }

    @Test
    void dynamicSpecBatchAgainstFixedModel() {
        ModelSignature model = signature(List.of(1L, 3L, 32L, 32L), List.of(1L, 10L));

        assertThrows(ModelSpecException.class, () -> SpecCheck.check(classifier(List.of(-1L, 3L, 32L, 32L), TEN_CLASSES), model, MODEL));
    }

    @Test
    void inputNameMismatchNamesBoth() {
        ModelSignature model = new ModelSignature(List.of(new TensorDescription("input.1", List.of(1L, 3L, 32L, 32L))),
                List.of(new TensorDescription("logits", List.of(1L, 10L))));

        ModelSpecException error = assertThrows(ModelSpecException.class,
                () -> SpecCheck.check(classifier(List.of(1L, 3L, 32L, 32L), TEN_CLASSES), model, MODEL));

        assertTrue(error.getMessage().contains("'input.name' is \"x\""), error.getMessage());
        assertTrue(error.getMessage().contains("has the input \"input.1\""), error.getMessage());
    }

    @Test
    void classCountMismatch() {
        ModelSignature model = signature(List.of(1L, 3L, 32L, 32L), List.of(1L, 10L));

        ModelSpecException error = assertThrows(ModelSpecException.class,
                () -> SpecCheck.check(classifier(List.of(1L, 3L, 32L, 32L), List.of("cat", "dog")), model, MODEL));

        assertTrue(error.getMessage().contains("'classes' lists 2 names but output \"y\""), error.getMessage());
    }

    @Test
    void segmentationChannelOutOfRange() {
        ModelSignature model = signature(List.of(1L, 256L, 256L, 3L), List.of(1L, 256L, 256L, 1L));
        ModelSpec spec = new ModelSpec("net.spec.json", ModelTask.SEGMENTATION, new InputSpec("x", List.of(1L, 256L, 256L, 3L), TensorLayout.NHWC),
                PLAIN, new OutputSpec.ForegroundProbability(1, 0.5, OutputSpec.Activation.NONE, TensorLayout.NHWC), List.of());

        ModelSpecException error = assertThrows(ModelSpecException.class, () -> SpecCheck.check(spec, model, MODEL));

        assertTrue(error.getMessage().contains("'output.channel' is 1"), error.getMessage());
    }

    @Test
    void fixedBatchOverridesRequest() {
        assertEquals(1, SpecCheck.effectiveBatchSize(signature(List.of(1L, 3L, 32L, 32L), List.of(1L, 10L)), 32));
        assertEquals(32, SpecCheck.effectiveBatchSize(signature(List.of(-1L, 3L, 32L, 32L), List.of(-1L, 10L)), 32));
    }

    private static ModelSignature signature(List<Long> input, List<Long> output) {
        return new ModelSignature(List.of(new TensorDescription("x", input)), List.of(new TensorDescription("y", output)));
    }

    private static ModelSpec classifier(List<Long> shape, List<String> classes) {
        return new ModelSpec("net.spec.json", ModelTask.CLASSIFICATION, new InputSpec("x", shape, TensorLayout.NCHW), PLAIN,
                new OutputSpec.ClassScores(OutputSpec.ScoreKind.LOGITS), classes);
    }
}
