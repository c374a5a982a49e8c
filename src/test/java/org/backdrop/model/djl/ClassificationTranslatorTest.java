package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.backdrop.image.RgbImage;
import org.backdrop.model.ClassScores;
import org.backdrop.model.spec.ColorOrder;
import org.backdrop.model.spec.InputSpec;
import org.backdrop.model.spec.Interpolation;
import org.backdrop.model.spec.OutputSpec.ScoreKind;
import org.backdrop.model.spec.Preprocessing;
import org.backdrop.model.spec.ResizeRule;
import org.backdrop.model.spec.TensorLayout;
import org.junit.jupiter.api.Test;

class ClassificationTranslatorTest {

    private static final ClassificationTranslator TRANSLATOR = ClassificationTranslator.builder()
            .setInput(new InputSpec("pixels", List.of(-1L, 1L, 1L, 3L), TensorLayout.NHWC))
            .setPreprocessing(new Preprocessing(ColorOrder.RGB, 1.0 / 255, List.of(0.0), List.of(1.0), new ResizeRule.Stretch(), Interpolation.BILINEAR))
            .optScoreKind(ScoreKind.PROBABILITIES)
            .build();

    @Test
    void inputNamedAndScaled() {
        try (NDManager manager = OnnxRuntimeEngine.get().newBaseManager(Device.cpu())) {
            StubTranslatorContext context = new StubTranslatorContext(manager);

            NDList input = TRANSLATOR.processInput(context, List.of(new RgbImage(1, 1, new byte[] {0, (byte) 51, (byte) 255})));

            NDArray array = input.singletonOrThrow();
            assertEquals("pixels", array.getName());
            assertEquals(new Shape(1, 1, 1, 3), array.getShape());
            assertArrayEquals(new float[] {0, 0.2f, 1}, array.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void outputRowsBecomeScores() {
        try (NDManager manager = OnnxRuntimeEngine.get().newBaseManager(Device.cpu())) {
            StubTranslatorContext context = new StubTranslatorContext(manager);
            RgbImage image = new RgbImage(1, 1, new byte[3]);
            TRANSLATOR.processInput(context, List.of(image, image));
            NDArray output = manager.create(new float[] {0.1f, 0.7f, 0.2f, 0.5f, 0.2f, 0.3f}, new Shape(2, 3));

            List<ClassScores> scores = TRANSLATOR.processOutput(context, new NDList(output));

            assertEquals(2, scores.size());
            assertEquals(new ClassScores(new float[] {0.1f, 0.7f, 0.2f}, ScoreKind.PROBABILITIES), scores.get(0));
            assertEquals(0, scores.get(1).predictedClass());
        }
    }

    @Test
    void wrongOutputShapeRejected() {
        try (NDManager manager = OnnxRuntimeEngine.get().newBaseManager(Device.cpu())) {
            StubTranslatorContext context = new StubTranslatorContext(manager);
            TRANSLATOR.processInput(context, List.of(new RgbImage(1, 1, new byte[3])));
            NDList output = new NDList(manager.create(new float[6], new Shape(1, 2, 3)));

            assertThrows(IllegalStateException.class, () -> TRANSLATOR.processOutput(context, output));
        }
    }

    @Test
    void builderNeedsInput() {
        ClassificationTranslator.Builder builder = ClassificationTranslator.builder()
                .setPreprocessing(new Preprocessing(ColorOrder.RGB, 1, List.of(0.0), List.of(1.0), new ResizeRule.Stretch(), Interpolation.BILINEAR));

        assertThrows(NullPointerException.class, builder::build);
    }
}
