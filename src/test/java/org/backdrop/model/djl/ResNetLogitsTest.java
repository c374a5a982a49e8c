package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backdrop.image.RgbImage;
import org.backdrop.model.ClassScores;
import org.backdrop.model.Classifier;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.FixtureSpecs;
import org.backdrop.model.ModelOptions;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Runs resnet_2b on the one exact CIFAR-10 test image stored in the benchmark's vnnlib property and
 * compares the logits with the reference values, which an independent float64 implementation computed.
 * No JPEG decoding is involved, so the match is tight.
 */
class ResNetLogitsTest {

    /** resnet_2b's logits for the vnnlib image, from the fixture notes. */
    private static final float[] EXPECTED_LOGITS = {1.50502f, -3.74796f, 2.36145f, 1.75444f, 0.24119f, 1.70217f, 1.10977f, -0.08753f, -2.12496f, -2.71369f};

    /** The benchmark's normalisation, which the vnnlib bounds are already in. */
    private static final double[] MEAN = {0.4914, 0.4822, 0.4465};
    private static final double[] STD = {0.2471, 0.2435, 0.2616};

    private static final Pattern BOUND = Pattern.compile("\\(assert \\((<=|>=) X_(\\d+) (-?[0-9.eE+-]+)\\)\\)");

    @Test
    void vnnlibImageGivesReferenceLogits() throws Exception {
        Path model = SharedData.fixture("models/cifar10/resnet_2b.onnx");
        RgbImage image = readVnnlibImage(SharedData.fixture("models/cifar10/resnet2b_prop_0_eps_0.008.vnnlib"));

        List<ClassScores> scores;
        try (Classifier classifier = OnnxModels.classifier(model, FixtureSpecs.read("resnet_2b.spec.json", model.getParent()),
                new ModelOptions(DeviceRequest.CPU, 1, 0))) {
            scores = classifier.classify(List.of(image));
        }

        assertArrayEquals(EXPECTED_LOGITS, scores.get(0).values(), 1e-4f);
        assertEquals(2, scores.get(0).predictedClass());
    }

    /** Un-normalises the midpoint of each CHW bound pair into an integer RGB pixel. */
    private static RgbImage readVnnlibImage(Path vnnlib) throws IOException {
        double[] lower = new double[3072];
        double[] upper = new double[3072];
        Matcher matcher = BOUND.matcher(Files.readString(vnnlib));
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(2));
            if (index < 3072) {
                (matcher.group(1).equals(">=") ? lower : upper)[index] = Double.parseDouble(matcher.group(3));
            }
        }
        byte[] pixels = new byte[3072];
        for (int channel = 0; channel < 3; channel++) {
            for (int pixel = 0; pixel < 1024; pixel++) {
                int index = channel * 1024 + pixel;
                double normalised = (lower[index] + upper[index]) / 2;
                long value = Math.round((normalised * STD[channel] + MEAN[channel]) * 255);
                pixels[pixel * 3 + channel] = (byte) value;
            }
        }
        return new RgbImage(32, 32, pixels);
    }
}
