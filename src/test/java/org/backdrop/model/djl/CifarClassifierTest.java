package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.image.RgbImage;
import org.backdrop.model.Classifier;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.FixtureSpecs;
import org.backdrop.model.ModelOptions;
import org.backdrop.image.ImageDecoder;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.Preprocessing;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the three CIFAR-10 fixture classifiers on the 300 fixture JPEGs and compares with
 * {@code expected_outputs.json}: the top-1 accuracy within 2 points and the per-image predictions on at
 * least 97 % of the images, the tolerances the fixture notes give for a different JPEG decoder.
 *
 * <p>The per-image predictions stored for resnet_2b and cifar_base_kw were computed with each other's
 * mean and std: they score 67.0 % and 54.3 % against the labels, not the stated 66.33 % and 60.33 %.
 * Those two models are therefore checked twice: the accuracy with their own normalisation, and the
 * predictions with the swapped normalisation that produced them.
 */
class CifarClassifierTest {

    private static final ModelOptions CPU_BATCH_32 = new ModelOptions(DeviceRequest.CPU, 32, 0);

    private static List<String> files;
    private static List<Integer> labels;
    private static List<RgbImage> images;
    private static JsonNode expected;

    @BeforeAll
    static void readImages() throws Exception {
        Path cifar = SharedData.fixture("cifar10");
        files = new ArrayList<>();
        labels = new ArrayList<>();
        images = new ArrayList<>();
        List<String> lines = Files.readAllLines(cifar.resolve("test_images_jpg_labels.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            files.add(fields[0]);
            labels.add(Integer.parseInt(fields[1]));
            images.add(ImageDecoder.decode(cifar.resolve(fields[0])));
        }
        expected = new ObjectMapper().readTree(SharedData.fixture("models/cifar10/expected_outputs.json").toFile())
                .get("cifar10_test_images_jpg_300");
    }

    @Test
    void resnet2bAccuracy() throws Exception {
        List<Integer> predictions = predict("resnet_2b", spec("resnet_2b"));

        assertEquals(300, predictions.size());
        assertEquals(referenceAccuracy("resnet_2b"), accuracy(predictions), 0.02);
    }

    @Test
    void cifarBaseKwAccuracy() throws Exception {
        List<Integer> predictions = predict("cifar_base_kw", spec("cifar_base_kw"));

        assertEquals(referenceAccuracy("cifar_base_kw"), accuracy(predictions), 0.02);
    }

    @Test
    void cifarBaseKwAccuracyDropsWithResnetNormalisation() throws Exception {
        List<Integer> predictions = predict("cifar_base_kw", withNormalisationOf(spec("cifar_base_kw"), spec("resnet_2b")));

        assertEquals(0.543, accuracy(predictions), 0.02);
    }

    @Test
    void marabouNhwcAccuracyAndPredictions() throws Exception {
        List<Integer> predictions = predict("marabou_cifar10_small", spec("marabou_cifar10_small"));

        assertEquals(referenceAccuracy("marabou_cifar10_small"), accuracy(predictions), 0.02);
        assertTrue(agreement("marabou_cifar10_small", predictions) >= 0.97);
    }

    @Test
    void resnet2bStoredPredictions() throws Exception {
        List<Integer> predictions = predict("resnet_2b", withNormalisationOf(spec("resnet_2b"), spec("cifar_base_kw")));

        assertTrue(agreement("resnet_2b", predictions) >= 0.97);
    }

    @Test
    void cifarBaseKwStoredPredictions() throws Exception {
        List<Integer> predictions = predict("cifar_base_kw", withNormalisationOf(spec("cifar_base_kw"), spec("resnet_2b")));

        assertTrue(agreement("cifar_base_kw", predictions) >= 0.97);
    }

    private static ModelSpec spec(String name) throws Exception {
        return FixtureSpecs.read(name + ".spec.json", SharedData.fixture("models/cifar10"));
    }

    private static ModelSpec withNormalisationOf(ModelSpec spec, ModelSpec donor) {
        Preprocessing own = spec.preprocessing();
        Preprocessing swapped = new Preprocessing(own.colorOrder(), own.scale(), donor.preprocessing().mean(), donor.preprocessing().std(),
                own.resize(), own.interpolation());
        return new ModelSpec(spec.source(), spec.task(), spec.input(), swapped, spec.output(), spec.classNames());
    }

    private static List<Integer> predict(String name, ModelSpec spec) throws Exception {
        Path model = SharedData.fixture("models/cifar10/" + name + ".onnx");
        try (Classifier classifier = OnnxModels.classifier(model, spec, CPU_BATCH_32)) {
            return classifier.classify(images).stream().map(scores -> scores.predictedClass()).toList();
        }
    }

    private static double referenceAccuracy(String name) {
        return expected.get(name + ".onnx").get("top1_accuracy").asDouble();
    }

    private static double accuracy(List<Integer> predictions) {
        int correct = 0;
        for (int i = 0; i < predictions.size(); i++) {
            correct += predictions.get(i).equals(labels.get(i)) ? 1 : 0;
        }
        return (double) correct / predictions.size();
    }

    private static double agreement(String name, List<Integer> predictions) {
        JsonNode stored = expected.get(name + ".onnx").get("predictions");
        int agreeing = 0;
        for (int i = 0; i < predictions.size(); i++) {
            agreeing += predictions.get(i) == stored.get(files.get(i)).asInt() ? 1 : 0;
        }
        return (double) agreeing / predictions.size();
    }
}
