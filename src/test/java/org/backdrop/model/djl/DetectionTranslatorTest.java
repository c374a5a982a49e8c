package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.image.RgbImage;
import org.backdrop.model.Detection;
import org.backdrop.model.spec.ColorOrder;
import org.backdrop.model.spec.InputSpec;
import org.backdrop.model.spec.Interpolation;
import org.backdrop.model.spec.OutputSpec;
import org.backdrop.model.spec.Preprocessing;
import org.backdrop.model.spec.ResizeRule;
import org.backdrop.model.spec.TensorLayout;
import org.junit.jupiter.api.Test;

class DetectionTranslatorTest {

    private static final InputSpec INPUT = new InputSpec("input", List.of(1L, 3L, 50L, 100L), TensorLayout.NCHW);
    private static final Preprocessing STRETCH =
            new Preprocessing(ColorOrder.BGR, 1.0 / 255, List.of(0.0), List.of(1.0), new ResizeRule.Stretch(), Interpolation.AREA);

    @Test
    void gridBoxesScaleToOriginal() {
        DetectionTranslator translator = DetectionTranslator.builder().setInput(INPUT).setPreprocessing(STRETCH)
                .setOutput(new OutputSpec.GridDetections("fastestdet", 0.65, 0.45, true))
                .optClassNames(List.of("cat", "dog"))
                .build();
        try (NDManager manager = OnnxRuntimeEngine.get().newBaseManager(Device.cpu())) {
            StubTranslatorContext context = new StubTranslatorContext(manager);
            translator.processInput(context, List.of(new RgbImage(200, 100, new byte[200 * 100 * 3])));
            // The grid of FastestDetDecoderTest: one box (65, 15)-(85, 35) in input pixels, class 1. The
            // image is twice the input size, so the box doubles.
            float half = (float) (0.5 * Math.log(3));
            float[] grid = {0.1f, 0.9f, 0, half, 0, half, 0, (float) Math.log(0.25), 0, (float) Math.log(0.4 / 0.6), 0.3f, 0.1f, 0.2f, 0.5f};
            NDArray output = manager.create(grid, new Shape(1, 7, 1, 2));

            List<Detection> detections = translator.processOutput(context, new NDList(output)).get(0);

            assertEquals(1, detections.size());
            assertEquals("dog", detections.get(0).className());
            assertEquals(130, detections.get(0).box().x(), 1e-3);
            assertEquals(30, detections.get(0).box().y(), 1e-3);
            assertEquals(40, detections.get(0).box().width(), 1e-3);
            assertEquals(40, detections.get(0).box().height(), 1e-3);
        }
    }

    @Test
    void torchvisionBoxesClippedAndSorted() {
        DetectionTranslator translator = DetectionTranslator.builder().setInput(INPUT).setPreprocessing(STRETCH)
                .setOutput(new OutputSpec.TorchvisionDetections(0.05))
                .build();
        try (NDManager manager = OnnxRuntimeEngine.get().newBaseManager(Device.cpu())) {
            StubTranslatorContext context = new StubTranslatorContext(manager);
            translator.processInput(context, List.of(new RgbImage(100, 50, new byte[100 * 50 * 3])));
            NDArray boxes = manager.create(new float[] {10, 10, 20, 20, -5, 40, 30, 60}, new Shape(2, 4));
            NDArray labels = manager.create(new long[] {3, 1});
            NDArray scores = manager.create(new float[] {0.5f, 0.75f});

            List<Detection> detections = translator.processOutput(context, new NDList(boxes, labels, scores)).get(0);

            assertEquals(2, detections.size());
            assertEquals(new Detection(1, "1", 0.75, new BoundingBox(0, 40, 30, 10)), detections.get(0));
            assertEquals(new Detection(3, "3", 0.5, new BoundingBox(10, 10, 10, 10)), detections.get(1));
        }
    }
}
