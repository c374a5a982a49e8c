package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.backdrop.image.RgbImage;
import org.backdrop.model.ForegroundMask;
import org.backdrop.model.spec.ColorOrder;
import org.backdrop.model.spec.InputSpec;
import org.backdrop.model.spec.Interpolation;
import org.backdrop.model.spec.OutputSpec;
import org.backdrop.model.spec.Preprocessing;
import org.backdrop.model.spec.ResizeRule;
import org.backdrop.model.spec.TensorLayout;
import org.junit.jupiter.api.Test;

/**
 * The DeepLabv3 or FCN preprocessing of torchvision exports on CIFAR-10: a 32 x 32 image upsampled to
 * 224 x 224, mean 0.5 and std 0.5, argmax over the classes, labels back to 32 x 32 by nearest neighbour.
 */
class SegmentationTranslatorTest {

    private static final SegmentationTranslator DEEPLAB_ON_CIFAR = SegmentationTranslator.builder()
            .setInput(new InputSpec("input", List.of(-1L, 3L, 224L, 224L), TensorLayout.NCHW))
            .setPreprocessing(new Preprocessing(ColorOrder.RGB, 1.0 / 255, List.of(0.5, 0.5, 0.5), List.of(0.5, 0.5, 0.5),
                    new ResizeRule.Stretch(), Interpolation.BILINEAR))
            .setOutput(new OutputSpec.ClassLabelMask(List.of(0), TensorLayout.NCHW))
            .build();

    @Test
    void inputIsUpsampledCifar() {
        try (NDManager manager = OnnxRuntimeEngine.get().newBaseManager(Device.cpu())) {
            NDList input = DEEPLAB_ON_CIFAR.processInput(new StubTranslatorContext(manager), List.of(cifarImage()));

            assertEquals(new Shape(1, 3, 224, 224), input.singletonOrThrow().getShape());
        }
    }

    @Test
    void leftHalfForegroundMapsBack() {
        try (NDManager manager = OnnxRuntimeEngine.get().newBaseManager(Device.cpu())) {
            StubTranslatorContext context = new StubTranslatorContext(manager);
            DEEPLAB_ON_CIFAR.processInput(context, List.of(cifarImage()));
            // Class 1 wins in output columns 0 to 111, class 0 elsewhere. Original column x has its centre at
            // (x + 0.5) * 7, which is below 112 for x up to 15.
            float[] logits = new float[2 * 224 * 224];
            for (int y = 0; y < 224; y++) {
                for (int x = 0; x < 224; x++) {
                    logits[224 * 224 + y * 224 + x] = x < 112 ? 1 : -1;
                }
            }
            NDArray output = manager.create(logits, new Shape(1, 2, 224, 224));

            ForegroundMask mask = DEEPLAB_ON_CIFAR.processOutput(context, new NDList(output)).get(0);

            assertEquals(32, mask.width());
            assertEquals(32, mask.height());
            assertEquals(true, mask.isForeground(15, 7));
            assertEquals(false, mask.isForeground(16, 7));
            assertEquals(0.5, mask.foregroundFraction(), 1e-12);
        }
    }

    @Test
    void foregroundProbabilityInNhwc() {
        SegmentationTranslator selfie = SegmentationTranslator.builder()
                .setInput(new InputSpec("input", List.of(1L, 2L, 2L, 3L), TensorLayout.NHWC))
                .setPreprocessing(new Preprocessing(ColorOrder.RGB, 1.0 / 255, List.of(0.0), List.of(1.0), new ResizeRule.Stretch(), Interpolation.BILINEAR))
                .setOutput(new OutputSpec.ForegroundProbability(0, 0.5, OutputSpec.Activation.NONE, TensorLayout.NHWC))
                .build();
        try (NDManager manager = OnnxRuntimeEngine.get().newBaseManager(Device.cpu())) {
            StubTranslatorContext context = new StubTranslatorContext(manager);
            selfie.processInput(context, List.of(new RgbImage(2, 2, new byte[12])));
            NDArray output = manager.create(new float[] {0.9f, 0.1f, 0.6f, 0.5f}, new Shape(1, 2, 2, 1));

            ForegroundMask mask = selfie.processOutput(context, new NDList(output)).get(0);

            assertEquals(new ForegroundMask(2, 2, new byte[] {1, 0, 1, 0}), mask);
        }
    }

    @Test
    void classificationOutputRejected() {
        SegmentationTranslator.Builder builder = SegmentationTranslator.builder()
                .setInput(new InputSpec("input", List.of(1L, 3L, 2L, 2L), TensorLayout.NCHW))
                .setPreprocessing(new Preprocessing(ColorOrder.RGB, 1, List.of(0.0), List.of(1.0), new ResizeRule.Stretch(), Interpolation.BILINEAR))
                .setOutput(new OutputSpec.ClassScores(OutputSpec.ScoreKind.LOGITS));

        assertThrows(IllegalArgumentException.class, builder::build);
    }

    private static RgbImage cifarImage() {
        return new RgbImage(32, 32, new byte[32 * 32 * 3]);
    }
}
