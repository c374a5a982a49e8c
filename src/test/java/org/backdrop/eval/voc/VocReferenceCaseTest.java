package org.backdrop.eval.voc;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every VOC reference case and compares with what py-faster-rcnn's voc_eval gave, number for number. */
class VocReferenceCaseTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(SharedData.reference("voc"))) {
            return folders.map(folder -> folder.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void elevenPointApEqualsVocEval(String caseName) throws IOException {
        check(caseName, VocMetric.VOC07_11_POINT, "AP_voc07_11point", "mAP_voc07_11point");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void areaApEqualsVocEval(String caseName) throws IOException {
        check(caseName, VocMetric.AREA, "AP_area", "mAP_area");
    }

    private static void check(String caseName, VocMetric metric, String apKey, String mapKey) throws IOException {
        Path folder = SharedData.reference("voc/" + caseName);
        JsonNode expected = MAPPER.readTree(folder.resolve("expected.json").toFile());
        List<String> imageIds = VocAnnotationReader.readImageSet(folder.resolve("ImageSets/Main/test.txt"));
        VocEvaluation evaluation = VocEvaluator.evaluate(
                VocAnnotationReader.readAll(folder.resolve("Annotations"), imageIds),
                VocDetectionReader.readFolder(folder.resolve("detections")),
                null,
                0.5,
                metric);

        List<Executable> checks = new ArrayList<>();
        List<String> expectedClasses = new ArrayList<>();
        expected.get("classes").fieldNames().forEachRemaining(expectedClasses::add);
        checks.add(() -> assertEquals(expectedClasses, List.copyOf(evaluation.classes().keySet())));
        for (String className : expectedClasses) {
            JsonNode numbers = expected.get("classes").get(className);
            VocClassResult result = evaluation.classes().get(className);
            checks.add(() -> assertEquals(numbers.get(apKey).asDouble(), result.ap(), className + " AP"));
            checks.add(() -> assertEquals(numbers.get("n_detections").asInt(), result.detections(), className + " detections"));
            checks.add(() -> assertEquals(numbers.get("final_recall").asDouble(), result.finalRecall(), className + " recall"));
            checks.add(() -> assertEquals(numbers.get("final_precision").asDouble(), result.finalPrecision(), className + " precision"));
        }
        checks.add(() -> assertEquals(expected.get(mapKey).asDouble(), evaluation.map(), "mAP"));
        assertAll(checks);
    }
}
