package org.backdrop.mask;

import static org.backdrop.mask.CocoJson.annotation;
import static org.backdrop.mask.CocoJson.doubles;
import static org.backdrop.mask.CocoJson.mask;
import static org.backdrop.mask.CocoJson.parts;
import static org.backdrop.mask.CocoJson.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Polygon rasterising and mask IoU on shared COCO cases, against the areas, boxes and IoUs recorded
 * with them, which come from pycocotools or from exact pixel counts.
 */
class ReferenceMasksTest {

    private static double iou(Rle dt, Rle gt, boolean crowd) {
        return MaskIou.iou(List.of(dt), List.of(gt), new boolean[] {crowd})[0][0];
    }

    /** Annotation ids of the two-point polygon case and the keys of their expected values. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 | ann1 [[2,2,10,2]]",
        "2 | ann2 [[2,2,10,2],[square]]",
        "3 | ann3 [[square],[2,2,10,2]]",
    })
    void twoPointPartAddsNothing(int id, String expectedKey) throws IOException {
        JsonNode groundTruth = read(SharedData.regressionCase("CV-05/coco_two_point_polygon.json"));
        JsonNode expected = read(SharedData.regressionCase("CV-05/expected.json")).get(expectedKey);

        Rle rle = Polygons.rasterize(parts(annotation(groundTruth, id).get("segmentation")), 20, 20);

        assertEquals(expected.get("area").asLong(), rle.area());
        if (expected.has("bbox")) {
            assertArrayEquals(doubles(expected.get("bbox")), rle.toBbox());
        }
    }

    @Test
    void slitPolygonAgainstFilledSquare() throws IOException {
        Path folder = SharedData.reference("coco/tiny_polygon_hole");
        JsonNode frame = annotation(read(folder.resolve("gt.json")), 1);
        Rle filled = mask(read(folder.resolve("dt.json")).get(0).get("segmentation"));

        Rle rle = Polygons.rasterize(parts(frame.get("segmentation")), 200, 200);

        // A 100x100 square with a 40x40 hole. The zero-width slit adds no pixels.
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

    @Test
    void boxIouFollowsCocoFormula() throws IOException {
        Path folder = SharedData.reference("coco/medium_200img");
        JsonNode annotations = read(folder.resolve("gt.json")).get("annotations");
        JsonNode detections = read(folder.resolve("dt.json"));
        List<double[]> gtBoxes = new ArrayList<>();
        List<Boolean> gtCrowd = new ArrayList<>();
        for (JsonNode annotation : annotations) {
            if (annotation.get("image_id").asInt() <= 20) {
                gtBoxes.add(doubles(annotation.get("bbox")));
                gtCrowd.add(annotation.get("iscrowd").asInt() == 1);
            }
        }
        List<double[]> dtBoxes = new ArrayList<>();
        for (JsonNode detection : detections) {
            if (detection.get("image_id").asInt() <= 20) {
                dtBoxes.add(doubles(detection.get("bbox")));
            }
        }
        boolean[] crowd = new boolean[gtCrowd.size()];
        for (int g = 0; g < crowd.length; g++) {
            crowd[g] = gtCrowd.get(g);
        }

        double[][] iou = MaskIou.boxIou(dtBoxes.toArray(double[][]::new), gtBoxes.toArray(double[][]::new), crowd);

        // pycocotools' bbIou, in its order of operations: the sum of the areas first, then minus the
        // intersection. Adding in another order changes the last bit of 826 of the 3253
        // overlapping same-image pairs in this file.
        int overlapping = 0;
        for (int d = 0; d < dtBoxes.size(); d++) {
            for (int g = 0; g < gtBoxes.size(); g++) {
                double[] a = dtBoxes.get(d);
                double[] b = gtBoxes.get(g);
                double w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
                double h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
                double expected = 0;
                if (w > 0 && h > 0) {
                    double intersection = w * h;
                    double union = crowd[g] ? a[2] * a[3] : a[2] * a[3] + b[2] * b[3] - intersection;
                    expected = intersection / union;
                    overlapping++;
                }
                assertEquals(expected, iou[d][g], "detection " + d + ", ground truth " + g);
            }
        }
        assertTrue(overlapping > 100, "only " + overlapping + " overlapping pairs");
    }

}
