package org.backdrop.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSpecReaderTest {

    private static final String CIFAR_INPUT = "\"input\": {\"name\": \"x\", \"shape\": [1, 3, 32, 32], \"layout\": \"NCHW\"}";

    @TempDir
    Path folder;

    @Test
    void minimalSpecGetsDefaults() throws Exception {
        ModelSpec spec = parse("{\"task\": \"classification\", " + CIFAR_INPUT + ", \"output\": {\"kind\": \"logits\"}}");

        assertEquals(ModelTask.CLASSIFICATION, spec.task());
        assertEquals(ColorOrder.RGB, spec.preprocessing().colorOrder());
        assertEquals(1.0, spec.preprocessing().scale());
        assertEquals(List.of(0.0, 0.0, 0.0), spec.preprocessing().mean());
        assertEquals(List.of(1.0, 1.0, 1.0), spec.preprocessing().std());
        assertInstanceOf(ResizeRule.Stretch.class, spec.preprocessing().resize());
        assertEquals(Interpolation.BILINEAR, spec.preprocessing().interpolation());
        assertEquals(new OutputSpec.ClassScores(OutputSpec.ScoreKind.LOGITS), spec.output());
        assertEquals(List.of(), spec.classNames());
    }

    @Test
    void inputDimensionsFollowLayout() throws Exception {
        ModelSpec spec = parse("{\"task\": \"classification\", \"input\": {\"name\": \"x:0\", \"shape\": [-1, 24, 32, 3], \"layout\": \"NHWC\"},"
                + " \"output\": {\"kind\": \"probabilities\"}}");

        assertEquals(-1, spec.input().batch());
        assertEquals(24, spec.input().height());
        assertEquals(32, spec.input().width());
        assertEquals(3, spec.input().channels());
    }

    @Test
    void scaleAsFraction() throws Exception {
        ModelSpec spec = parse(classifier("\"preprocessing\": {\"scale\": \"1/255\"}"));

        assertEquals(1.0 / 255, spec.preprocessing().scale(), 1e-15);
    }

    @Test
    void singleMeanAppliesToAllChannels() throws Exception {
        ModelSpec spec = parse(classifier("\"preprocessing\": {\"mean\": [0.5], \"std\": [0.25, 0.5, 1]}"));

        assertEquals(List.of(0.5, 0.5, 0.5), spec.preprocessing().mean());
        assertEquals(List.of(0.25, 0.5, 1.0), spec.preprocessing().std());
    }

    @Test
    void deepLabOnCifarIsExpressible() throws Exception {
        ModelSpec spec = parse("{\"task\": \"segmentation\","
                + " \"input\": {\"name\": \"input\", \"shape\": [-1, 3, 224, 224], \"layout\": \"NCHW\"},"
                + " \"preprocessing\": {\"scale\": \"1/255\", \"mean\": [0.5], \"std\": [0.5],"
                + "   \"resize\": {\"rule\": \"stretch\", \"interpolation\": \"bilinear\"}},"
                + " \"output\": {\"kind\": \"class-logits\", \"backgroundClasses\": [0]}}");

        assertEquals(224, spec.input().width());
        assertEquals(List.of(0.5, 0.5, 0.5), spec.preprocessing().std());
        assertEquals(new OutputSpec.ClassLabelMask(List.of(0), TensorLayout.NCHW), spec.output());
    }

    @Test
    void shorterSideCropReadsBothSizes() throws Exception {
        ModelSpec spec = parse("{\"task\": \"classification\", \"input\": {\"name\": \"x\", \"shape\": [1, 3, 224, 224], \"layout\": \"NCHW\"},"
                + " \"preprocessing\": {\"resize\": {\"rule\": \"shorter-side-crop\", \"shorterSide\": 256, \"crop\": 224, \"interpolation\": \"area\"}},"
                + " \"output\": {\"kind\": \"logits\"}}");

        assertEquals(new ResizeRule.ShorterSideCrop(256, 224, 224), spec.preprocessing().resize());
        assertEquals(Interpolation.AREA, spec.preprocessing().interpolation());
    }

    @Test
    void foregroundProbabilityDefaults() throws Exception {
        ModelSpec spec = parse("{\"task\": \"segmentation\", \"input\": {\"name\": \"x\", \"shape\": [1, 256, 256, 3], \"layout\": \"NHWC\"},"
                + " \"output\": {\"kind\": \"foreground-probability\", \"activation\": \"sigmoid\"}}");

        assertEquals(new OutputSpec.ForegroundProbability(0, 0.5, OutputSpec.Activation.SIGMOID, TensorLayout.NHWC), spec.output());
    }

    @Test
    void gridDetectorReadsDecoder() throws Exception {
        ModelSpec spec = parse("{\"task\": \"detection\", " + CIFAR_INPUT + ","
                + " \"output\": {\"kind\": \"grid\", \"decoder\": \"fastestdet\", \"scoreThreshold\": 0.65, \"nmsIou\": 0.45}}");

        assertEquals(new OutputSpec.GridDetections("fastestdet", 0.65, 0.45, false), spec.output());
    }

    @Test
    void torchvisionThresholdDefault() throws Exception {
        ModelSpec spec = parse("{\"task\": \"detection\", " + CIFAR_INPUT + ", \"output\": {\"kind\": \"torchvision\"}}");

        assertEquals(new OutputSpec.TorchvisionDetections(0.05), spec.output());
    }

    @Test
    void missingTaskNamesField() {
        ModelSpecException error = assertThrows(ModelSpecException.class, () -> parse("{" + CIFAR_INPUT + ", \"output\": {\"kind\": \"logits\"}}"));

        assertTrue(error.getMessage().startsWith("test.spec.json: "), error.getMessage());
        assertTrue(error.getMessage().contains("'task' is missing"), error.getMessage());
    }

    @Test
    void misspeltFieldRejected() {
        ModelSpecException error = assertThrows(ModelSpecException.class, () -> parse(classifier("\"preprocessing\": {\"mea\": [0.5]}")));

        assertTrue(error.getMessage().contains("'preprocessing.mea' is not a known field"), error.getMessage());
    }

    @Test
    void outputKindMustFitTask() {
        ModelSpecException error = assertThrows(ModelSpecException.class,
                () -> parse("{\"task\": \"segmentation\", " + CIFAR_INPUT + ", \"output\": {\"kind\": \"logits\"}}"));

        assertTrue(error.getMessage().contains("'output.kind'"), error.getMessage());
        assertTrue(error.getMessage().contains("[class-logits, foreground-probability]"), error.getMessage());
    }

    @Test
    void invalidLayoutListsChoices() {
        ModelSpecException error = assertThrows(ModelSpecException.class, () -> parse(
                "{\"task\": \"classification\", \"input\": {\"name\": \"x\", \"shape\": [1, 3, 32, 32], \"layout\": \"CHW\"}, \"output\": {\"kind\": \"logits\"}}"));

        assertTrue(error.getMessage().contains("'input.layout' has the invalid value \"CHW\"; use one of [NCHW, NHWC]"), error.getMessage());
    }

    @Test
    void channelsElsewhereRejected() {
        ModelSpecException error = assertThrows(ModelSpecException.class, () -> parse(
                "{\"task\": \"classification\", \"input\": {\"name\": \"x\", \"shape\": [1, 32, 32, 3], \"layout\": \"NCHW\"}, \"output\": {\"kind\": \"logits\"}}"));

        assertTrue(error.getMessage().contains("'input.shape' has 32 channels"), error.getMessage());
    }

    @Test
    void cropMustEqualInput() {
        ModelSpecException error = assertThrows(ModelSpecException.class, () -> parse(classifier(
                "\"preprocessing\": {\"resize\": {\"rule\": \"shorter-side-crop\", \"shorterSide\": 36, \"crop\": 28}}")));

        assertTrue(error.getMessage().contains("'preprocessing.resize.crop' is 28x28"), error.getMessage());
    }

    @Test
    void zeroStdRejected() {
        ModelSpecException error = assertThrows(ModelSpecException.class, () -> parse(classifier("\"preprocessing\": {\"std\": [0.2, 0, 0.2]}")));

        assertTrue(error.getMessage().contains("'preprocessing.std' must not contain 0"), error.getMessage());
    }

    @Test
    void letterboxNeedsPadValue() {
        ModelSpecException error = assertThrows(ModelSpecException.class, () -> parse(classifier("\"preprocessing\": {\"resize\": {\"rule\": \"letterbox\"}}")));

        assertTrue(error.getMessage().contains("'preprocessing.resize.padValue' is missing"), error.getMessage());
    }

    @Test
    void invalidJsonGivesPosition() {
        ModelSpecException error = assertThrows(ModelSpecException.class, () -> parse("{\"task\": \"classification\",\n  \"input\" {}}"));

        assertTrue(error.getMessage().startsWith("test.spec.json: invalid JSON at line 2"), error.getMessage());
    }

    @Test
    void classNamesFileBesideSpec() throws Exception {
        Files.writeString(folder.resolve("names.txt"), "person\nbicycle\ncar\n\n");
        Path specFile = folder.resolve("net.spec.json");
        Files.writeString(specFile, classifier("\"classes\": \"names.txt\""));

        ModelSpec spec = ModelSpecReader.read(specFile);

        assertEquals(List.of("person", "bicycle", "car"), spec.classNames());
    }

    @Test
    void missingClassNamesFileNamesIt() throws Exception {
        Path specFile = folder.resolve("net.spec.json");
        Files.writeString(specFile, classifier("\"classes\": \"absent.txt\""));

        ModelSpecException error = assertThrows(ModelSpecException.class, () -> ModelSpecReader.read(specFile));

        assertTrue(error.getMessage().contains("field 'classes'"), error.getMessage());
        assertTrue(error.getMessage().contains(folder.resolve("absent.txt").toString()), error.getMessage());
    }

    @Test
    void missingSpecFileSaysWhereToPutIt() {
        ModelSpecException error = assertThrows(ModelSpecException.class, () -> ModelSpecReader.read(folder.resolve("net.spec.json")));

        assertTrue(error.getMessage().startsWith("model spec not found: "), error.getMessage());
    }

    @Test
    void specBesideReplacesOnnxSuffix() {
        assertEquals(Path.of("models", "net.spec.json"), ModelSpecReader.specBeside(Path.of("models", "net.onnx")));
    }

    private static String classifier(String extraField) {
        return "{\"task\": \"classification\", " + CIFAR_INPUT + ", \"output\": {\"kind\": \"logits\"}, " + extraField + "}";
    }

    private static ModelSpec parse(String json) throws ModelSpecException {
        return ModelSpecReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.spec.json", null);
    }
}
