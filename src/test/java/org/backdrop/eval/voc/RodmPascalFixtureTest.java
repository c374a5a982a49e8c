package org.backdrop.eval.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PASCAL test case of rafaelpadilla/review_object_detection_metrics: seven images, one class, at
 * IoU thresholds 0.1 to 0.75. Its files hold {@code <class> [<confidence>] <left> <top> <width>
 * <height>}, and that project's boxes span {@code left} to {@code left + width} with VOC's +1 pixel
 * sizes, so they map to VOC corners {@code (left, top, left + width, top + height)}.
 */
class RodmPascalFixtureTest {

    /** The expected values are given with ten decimals. */
    private static final double TOLERANCE = 1e-10;
    private static final String FOLDER = "voc/rodm_pascal_test_case_1/";

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "0.3", "0.5", "0.75"})
    void elevenPointApEqualsReference(String threshold) throws IOException {
        check(threshold, VocMetric.VOC07_11_POINT, "AP_11_point_interpolation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "0.3", "0.5", "0.75"})
    void everyPointApEqualsReference(String threshold) throws IOException {
        check(threshold, VocMetric.AREA, "AP_every_point_interpolation");
    }

    private static void check(String threshold, VocMetric metric, String key) throws IOException {
        JsonNode expected = new ObjectMapper().readTree(SharedData.fixture(FOLDER + "expected_ap.json").toFile());
        Map<String, List<VocObject>> annotations = new TreeMap<>();
        List<VocDetection> detections = new ArrayList<>();
        for (Path file : textFiles("gts")) {
            String image = imageId(file);
            List<VocObject> objects = new ArrayList<>();
            for (String[] fields : lines(file)) {
                double left = Double.parseDouble(fields[1]);
                double top = Double.parseDouble(fields[2]);
                objects.add(new VocObject(fields[0], left, top, left + Double.parseDouble(fields[3]), top + Double.parseDouble(fields[4]), false));
            }
            annotations.put(image, objects);
        }
        for (Path file : textFiles("dets")) {
            for (String[] fields : lines(file)) {
                double left = Double.parseDouble(fields[2]);
                double top = Double.parseDouble(fields[3]);
                detections.add(new VocDetection(imageId(file), Double.parseDouble(fields[1]),
                        left, top, left + Double.parseDouble(fields[4]), top + Double.parseDouble(fields[5])));
            }
        }

        VocClassResult result = VocEvaluator.evaluateClass("object", annotations, detections, Double.parseDouble(threshold), metric);

        assertEquals(expected.get(key).get(threshold).asDouble(), result.ap(), TOLERANCE);
    }

    private static List<Path> textFiles(String folder) throws IOException {
        try (Stream<Path> files = Files.list(SharedData.fixture(FOLDER + folder))) {
            return files.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static String imageId(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".txt".length());
    }

    private static List<String[]> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).map(line -> line.split("\\s+")).toList();
    }
}
