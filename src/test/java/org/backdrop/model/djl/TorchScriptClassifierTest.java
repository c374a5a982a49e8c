package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.image.ImageDecoder;
import org.backdrop.image.RgbImage;
import org.backdrop.model.ClassScores;
import org.backdrop.model.Classifier;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelSpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the TorchScript test classifier written by src/test/python/torchscript_fixtures.py and compares its
 * logits with the ones PyTorch 1.13 computed for the same images.
 */
class TorchScriptClassifierTest {

    static final Path FOLDER = Path.of("src/test/resources/models/torchscript");
    static final Path MODEL = FOLDER.resolve("tiny_classifier.pt");
    private static final ModelOptions CPU = new ModelOptions(DeviceRequest.CPU, 4, 0);

    @Test
    void logitsMatchPyTorch() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(FOLDER.resolve("tiny_classifier_expected.json").toFile()).get("logits");
        List<String> names = new ArrayList<>();
        expected.fieldNames().forEachRemaining(names::add);
        List<RgbImage> images = new ArrayList<>();
        for (String name : names) {
            images.add(ImageDecoder.decode(FOLDER.resolve("images").resolve(name)));
        }

        List<ClassScores> scores;
        try (Classifier classifier = Classifiers.load(MODEL, spec(), CPU)) {
            scores = classifier.classify(images);
            assertEquals("cpu", classifier.device().name());
            assertEquals(4, classifier.batchSize());
        }

        assertEquals(6, scores.size());
        for (int i = 0; i < names.size(); i++) {
            JsonNode reference = expected.get(names.get(i));
            assertEquals(4, scores.get(i).classCount(), names.get(i));
            for (int c = 0; c < reference.size(); c++) {
                assertEquals(reference.get(c).doubleValue(), scores.get(i).values()[c], 1e-4, names.get(i) + " class " + c);
            }
        }
    }

    @Test
    void torchScriptDetectedByContent() throws Exception {
        assertTrue(TorchScriptModels.isTorchScript(MODEL));
        assertFalse(TorchScriptModels.isTorchScript(Path.of("src/test/resources/models/tiny_deeplab/tiny_deeplab.onnx")));
    }

    @Test
    void specBesidePtFile() {
        assertEquals(FOLDER.resolve("tiny_classifier.spec.json"), ModelSpecReader.specBeside(MODEL));
    }

    @Test
    void wrongLayoutNamesBothShapes(@TempDir Path temp) throws Exception {
        ModelSpec channelsLast = edited(temp, "\"shape\": [\n      -1,\n      3,\n      32,\n      32\n    ]", "\"shape\": [-1, 32, 32, 3]",
                "\"layout\": \"NCHW\"", "\"layout\": \"NHWC\"");

        ModelSpecException error = assertThrows(ModelSpecException.class, () -> Classifiers.load(MODEL, channelsLast, CPU));

        assertTrue(error.getMessage().contains("[-1, 32, 32, 3]"), error.getMessage());
        assertTrue(error.getMessage().contains("[8, 3, 3, 3]"), error.getMessage());
        assertTrue(error.getMessage().contains("expected input[1, 32, 32, 3] to have 3 channels"), error.getMessage());
    }

    @Test
    void wrongClassCountNamesOutputShape(@TempDir Path temp) throws Exception {
        ModelSpec threeClasses = edited(temp, "\"noise\"", "\"noise\", \"extra\"");

        ModelSpecException error = assertThrows(ModelSpecException.class, () -> Classifiers.load(MODEL, threeClasses, CPU));

        assertTrue(error.getMessage().contains("lists 5 names"), error.getMessage());
        assertTrue(error.getMessage().contains("[1, 4]"), error.getMessage());
    }

    @Test
    void autoRunsOnCpuWithoutCuda() throws Exception {
        DeviceSelector selector = new DeviceSelector(new PyTorchCudaProbe(), "PyTorch", DeviceSelector.PYTORCH_CUDA_FIX,
                "could not load the model on CUDA");
        try (TorchScriptModelService<List<RgbImage>, List<ClassScores>> service = TorchScriptModelService.open(MODEL,
                ClassificationTranslator.fromSpec(spec()), ModelOptions.defaults(), selector)) {
            boolean cuda = new PyTorchCudaProbe().probe().usable();
            assertEquals(cuda ? "cuda:0" : "cpu", service.device().name());
            assertTrue(service.device().reason().contains("PyTorch engine"), service.device().reason());
        }
    }

    @Test
    void dottedInputNameAccepted(@TempDir Path temp) throws Exception {
        ModelSpec dotted = edited(temp, "\"name\": \"input\"", "\"name\": \"input.1\"");
        RgbImage image = ImageDecoder.decode(FOLDER.resolve("images/image0.png"));

        try (Classifier plain = Classifiers.load(MODEL, spec(), CPU); Classifier named = Classifiers.load(MODEL, dotted, CPU)) {
            assertArrayEquals(plain.classify(List.of(image)).get(0).values(), named.classify(List.of(image)).get(0).values());
        }
    }

    static ModelSpec spec() throws ModelSpecException {
        return ModelSpecReader.read(FOLDER.resolve("tiny_classifier.spec.json"));
    }

    /** Writes the test spec with each {@code replacements} pair applied into {@code temp} and reads it. */
    private static ModelSpec edited(Path temp, String... replacements) throws Exception {
        String text = Files.readString(FOLDER.resolve("tiny_classifier.spec.json"));
        for (int i = 0; i < replacements.length; i += 2) {
            assertTrue(text.contains(replacements[i]), replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        Path file = temp.resolve("edited.spec.json");
        Files.writeString(file, text);
        return ModelSpecReader.read(file);
    }
}
