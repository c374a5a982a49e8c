package org.backdrop.eval.coco;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every COCO reference case (inputs with the numbers that pycocotools' COCOeval printed for
 * them) and compares the 12 summary numbers, the printed lines and the per-category numbers exactly.
 */
class CocoReferenceCaseTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> boxBlocks() throws IOException {
        return blocks(block -> block.equals("bbox"));
    }

    static Stream<Arguments> maskBlocks() throws IOException {
        return blocks(block -> !block.equals("bbox"));
    }

    private static Stream<Arguments> blocks(Predicate<String> included) throws IOException {
        Path root = SharedData.reference("coco");
        List<Arguments> arguments = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.sorted().toList()) {
                for (JsonNode type : MAPPER.readTree(folder.resolve("case.json").toFile()).get("iou_types")) {
                    if (included.test(type.asText())) {
                        arguments.add(Arguments.of(folder.getFileName().toString(), type.asText()));
                    }
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("boxBlocks")
    void boxStatsEqualPycocotools(String caseName, String block) throws IOException {
        checkBlock(caseName, block);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("maskBlocks")
    void maskStatsEqualPycocotools(String caseName, String block) throws IOException {
        checkBlock(caseName, block);
    }

    private static void checkBlock(String caseName, String block) throws IOException {
        Path folder = SharedData.reference("coco/" + caseName);
        JsonNode expected = MAPPER.readTree(folder.resolve("expected.json").toFile()).get(block);
        CocoEvaluation evaluation = evaluate(folder, block);
        CocoSummary summary = evaluation.summary();

        JsonNode stats = expected.has("stats") ? expected.get("stats") : expected.get("stats_if_empty_results_built_without_loadRes");
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int index = i;
            checks.add(() -> assertEquals(stats.get(index).asDouble(), summary.stats()[index], CocoSummary.NAMES.get(index)));
            checks.add(() -> assertEquals(expected.get("summary_lines").get(index).asText(), summary.lines().get(index)));
        }
        for (CategoryResult category : evaluation.perCategory()) {
            JsonNode numbers = expected.get("per_category").get(Long.toString(category.id()));
            checks.add(() -> assertEquals(numbers.get("AP").asDouble(), category.ap(), "AP of category " + category.id()));
            checks.add(() -> assertEquals(numbers.get("AP50").asDouble(), category.ap50(), "AP50 of category " + category.id()));
            checks.add(() -> assertEquals(numbers.get("AR100").asDouble(), category.ar100(), "AR100 of category " + category.id()));
        }
        assertAll(checks);
    }

    private static CocoEvaluation evaluate(Path folder, String block) throws IOException {
        IouType type = block.equals("bbox") ? IouType.BBOX : IouType.SEGM;
        CocoGroundTruth groundTruth = CocoJsonReader.readGroundTruth(folder.resolve("gt.json"));
        CocoDetections detections = CocoJsonReader.readResults(folder.resolve("dt.json"), type == IouType.SEGM);
        if (block.equals("segm_dt_bbox_removed")) {
            CocoDetections.Builder withoutBoxes = new CocoDetections.Builder();
            for (int i = 0; i < detections.size(); i++) {
                CocoDetection detection = detections.get(i);
                withoutBoxes.add(detection.imageId(), detection.categoryId(), detection.score(), null, detection.mask());
            }
            detections = withoutBoxes.build();
        }
        return CocoEvaluator.evaluate(groundTruth, detections, CocoEvalParams.defaults(type));
    }
}
