package org.backdrop.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Polygon rasterising and mask IoU on shared COCO cases, against the areas and IoUs recorded with
 * them (computed with pycocotools or stated exactly in the case notes).
 */
class ReferenceMasksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(Path path) throws IOException {
        return JSON.readTree(path.toFile());
    }

    private static List<double[]> parts(JsonNode segmentation) {
        List<double[]> parts = new ArrayList<>();
        for (JsonNode part : segmentation) {
            double[] xy = new double[part.size()];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = part.get(i).asDouble();
            }
            parts.add(xy);
        }
        return parts;
    }

    private static Rle mask(JsonNode segmentation) {
        int height = segmentation.get("size").get(0).asInt();
        int width = segmentation.get("size").get(1).asInt();
        JsonNode counts = segmentation.get("counts");
        if (counts.isTextual()) {
            return Rle.fromCompressedString(counts.asText(), height, width);
        }
        int[] runs = new int[counts.size()];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = counts.get(i).asInt();
        }
        return new Rle(height, width, runs);
    }

    private static double iou(Rle dt, Rle gt, boolean crowd) {
        return MaskIou.iou(List.of(dt), List.of(gt), new boolean[] {crowd})[0][0];
    }

    private static JsonNode annotation(JsonNode groundTruth, int id) {
        for (JsonNode annotation : groundTruth.get("annotations")) {
            if (annotation.get("id").asInt() == id) {
                return annotation;
            }
        }
        throw new AssertionError("no annotation " + id);
    }

    @Test
    void twoPointPolygonHasNoArea() throws IOException {
        JsonNode groundTruth = read(SharedData.regressionCase("CV-05/coco_two_point_polygon.json"));
        JsonNode expected = read(SharedData.regressionCase("CV-05/expected.json")).get("ann1 [[2,2,10,2]]");

        Rle rle = Polygons.rasterize(parts(annotation(groundTruth, 1).get("segmentation")), 20, 20);

        assertEquals(expected.get("area").asLong(), rle.area());
    }

    @Test
    void twoPointPartFirstIsIgnored() throws IOException {
        JsonNode groundTruth = read(SharedData.regressionCase("CV-05/coco_two_point_polygon.json"));
        JsonNode expected = read(SharedData.regressionCase("CV-05/expected.json")).get("ann2 [[2,2,10,2],[square]]");

        Rle rle = Polygons.rasterize(parts(annotation(groundTruth, 2).get("segmentation")), 20, 20);

        assertEquals(expected.get("area").asLong(), rle.area());
        assertArrayEquals(doubles(expected.get("bbox")), rle.toBbox());
    }

    @Test
    void twoPointPartLastIsIgnored() throws IOException {
        JsonNode groundTruth = read(SharedData.regressionCase("CV-05/coco_two_point_polygon.json"));
        JsonNode expected = read(SharedData.regressionCase("CV-05/expected.json")).get("ann3 [[square],[2,2,10,2]]");

        Rle rle = Polygons.rasterize(parts(annotation(groundTruth, 3).get("segmentation")), 20, 20);

        assertEquals(expected.get("area").asLong(), rle.area());
        assertArrayEquals(doubles(expected.get("bbox")), rle.toBbox());
    }

    @Test
    void slitPolygonAgainstFilledSquare() throws IOException {
        Path folder = SharedData.reference("coco/tiny_polygon_hole");
        JsonNode frame = annotation(read(folder.resolve("gt.json")), 1);
        Rle filled = mask(read(folder.resolve("dt.json")).get(0).get("segmentation"));

        Rle rle = Polygons.rasterize(parts(frame.get("segmentation")), 200, 200);

        // A 100x100 square with a 40x40 hole; the zero-width slit adds no pixels.
        assertEquals(100 * 100 - 40 * 40, rle.area());
        assertEquals(100 * 100, filled.area());
        assertEquals(0.84, iou(filled, rle, false));
    }

    @Test
    void nestedPartsMatchFilledSquare() throws IOException {
        Path folder = SharedData.reference("coco/tiny_polygon_hole");
        JsonNode square = annotation(read(folder.resolve("gt.json")), 2);
        Rle filled = mask(read(folder.resolve("dt.json")).get(1).get("segmentation"));

        Rle rle = Polygons.rasterize(parts(square.get("segmentation")), 200, 200);

        assertEquals(filled, rle);
    }

    @Test
    void equalIouTieIsExact() throws IOException {
        Path folder = SharedData.reference("coco/tiny_equal_iou_tie");
        JsonNode groundTruth = read(folder.resolve("gt.json"));
        Rle detection = mask(read(folder.resolve("dt.json")).get(0).get("segmentation"));
        Rle first = Polygons.rasterize(parts(annotation(groundTruth, 1).get("segmentation")), 480, 640);
        Rle second = Polygons.rasterize(parts(annotation(groundTruth, 2).get("segmentation")), 480, 640);

        double[][] iou = MaskIou.iou(List.of(detection), List.of(first, second), new boolean[2]);

        // 70 shared columns of 100 rows out of 130 columns: 7000 / 13000.
        assertEquals(7000.0 / 13000.0, iou[0][0]);
        assertEquals(iou[0][0], iou[0][1]);
    }

    @Test
    void crowdCoveredByHalf() throws IOException {
        Path folder = SharedData.reference("coco/tiny_crowd_region");
        Rle crowd = mask(annotation(read(folder.resolve("gt.json")), 3).get("segmentation"));
        JsonNode detection = read(folder.resolve("dt.json")).get(4);
        double[] box = doubles(detection.get("bbox"));

        assertArrayEquals(new double[] {250, 150, 100, 100}, box);
        assertEquals(0.5, iou(mask(detection.get("segmentation")), crowd, true));
        assertEquals(0.5, MaskIou.boxIou(new double[][] {box}, new double[][] {crowd.toBbox()}, new boolean[] {true})[0][0]);
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
