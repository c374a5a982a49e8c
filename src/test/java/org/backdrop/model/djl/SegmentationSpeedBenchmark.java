package org.backdrop.model.djl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.backdrop.image.RgbImage;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.Segmenter;
import org.backdrop.image.ImageDecoder;
import org.backdrop.model.spec.ColorOrder;
import org.backdrop.model.spec.InputSpec;
import org.backdrop.model.spec.Interpolation;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelTask;
import org.backdrop.model.spec.OutputSpec;
import org.backdrop.model.spec.Preprocessing;
import org.backdrop.model.spec.ResizeRule;
import org.backdrop.model.spec.TensorLayout;

/**
 * Times a DeepLabv3 segmentation model exported from torchvision on CIFAR-10 images upsampled to
 * 224 x 224, at batch sizes 1, 8 and 32, end to end: resizing, normalising, inference, argmax and masks
 * at 32 x 32. Not a test; run it by hand (see docs/benchmarks.md):
 *
 * <pre>java -cp ... org.backdrop.model.djl.SegmentationSpeedBenchmark MODEL.onnx CIFAR_JPEG_FOLDER [THREADS]</pre>
 *
 * <p>THREADS sets ONNX Runtime's intra-op threads (default: ONNX Runtime's own choice).
 */
public final class SegmentationSpeedBenchmark {

    private static final int IMAGES = 64;
    /** Each batch size runs this many times over the images and reports the fastest, because other processes share the CPUs. */
    private static final int REPETITIONS = 3;
    private static final int[] BATCH_SIZES = {1, 8, 32};

    private SegmentationSpeedBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        List<RgbImage> images = readImages(Path.of(args[1]));
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        ModelSpec spec = new ModelSpec("deeplab benchmark", ModelTask.SEGMENTATION,
                new InputSpec("input", List.of(-1L, 3L, 224L, 224L), TensorLayout.NCHW),
                new Preprocessing(ColorOrder.RGB, 1.0 / 255, List.of(0.5), List.of(0.5), new ResizeRule.Stretch(), Interpolation.BILINEAR),
                new OutputSpec.ClassLabelMask(List.of(0), TensorLayout.NCHW), List.of());

        for (int batchSize : BATCH_SIZES) {
            try (Segmenter segmenter = OnnxModels.segmenter(model, spec, new ModelOptions(DeviceRequest.CPU, batchSize, threads))) {
                segmenter.segment(images.subList(0, batchSize));
                long best = Long.MAX_VALUE;
                for (int repetition = 0; repetition < REPETITIONS; repetition++) {
                    long start = System.nanoTime();
                    segmenter.segment(images);
                    best = Math.min(best, System.nanoTime() - start);
                }
                System.out.printf("batch %2d: %6.1f images/s%n", batchSize, IMAGES / (best / 1e9));
            }
        }
    }

    private static List<RgbImage> readImages(Path folder) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(path -> path.toString().endsWith(".jpg")).sorted().limit(IMAGES).toList();
        }
        List<RgbImage> images = new ArrayList<>();
        for (Path file : files) {
            images.add(ImageDecoder.decode(file));
        }
        return images;
    }
}
