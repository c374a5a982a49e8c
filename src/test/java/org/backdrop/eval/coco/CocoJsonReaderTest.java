package org.backdrop.eval.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.mask.RleSegmentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoJsonReaderTest {

    @TempDir
    Path folder;

    private Path write(String name, String json) throws IOException {
        return Files.writeString(folder.resolve(name), json);
    }

    @Test
    void nanScoreNamesFileAndRecord() throws IOException {
        Path file = write("dt.json", """
                [{"image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1], "score": 0.5},
                 {"image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1], "score": NaN}]
                """);

        EvaluationInputException error = assertThrows(EvaluationInputException.class, () -> CocoJsonReader.readResults(file, false));

        assertTrue(error.getMessage().contains("dt.json"), error.getMessage());
        assertTrue(error.getMessage().contains("detection [1]"), error.getMessage());
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void stringImageIdIsRejected() throws IOException {
        Path file = write("dt.json", "[{\"image_id\": \"1\", \"category_id\": 1, \"bbox\": [0, 0, 1, 1], \"score\": 0.5}]");

        EvaluationInputException error = assertThrows(EvaluationInputException.class, () -> CocoJsonReader.readResults(file, false));

        assertTrue(error.getMessage().contains("'image_id' must be an integer"), error.getMessage());
    }

    @Test
    void emptyBoxReadsAsNone() throws IOException {
        Path file = write("dt.json", """
                [{"image_id": 1, "category_id": 1, "bbox": [], "score": 0.5, "segmentation": {"size": [2, 2], "counts": "04"}}]
                """);

        assertNull(CocoJsonReader.readResults(file, false).get(0).bbox());
    }

    @Test
    void resultsWithoutListAreRejected() throws IOException {
        Path file = write("dt.json", "{\"annotations\": []}");

        assertThrows(EvaluationInputException.class, () -> CocoJsonReader.readResults(file, false));
    }

    @Test
    void missingCrowdFlagMeansNoCrowd() throws IOException {
        Path file = write("gt.json", """
                {"images": [{"id": 1, "width": 4, "height": 3}], "categories": [{"id": 1, "name": "dog"}],
                 "annotations": [{"id": 5, "image_id": 1, "category_id": 1, "bbox": [0, 0, 2, 2], "area": 4}]}
                """);

        GroundTruthObject object = CocoJsonReader.readGroundTruth(file).objects().get(0);

        assertFalse(object.crowd());
        assertEquals(4.0, object.area());
    }

    @Test
    void groundTruthWithoutIdNamesRecord() throws IOException {
        Path file = write("gt.json", """
                {"images": [{"id": 1}], "annotations": [{"id": 5, "image_id": 1, "category_id": 1}, {"image_id": 1, "category_id": 1}]}
                """);

        EvaluationInputException error = assertThrows(EvaluationInputException.class, () -> CocoJsonReader.readGroundTruth(file));

        assertTrue(error.getMessage().contains("annotations[1]"), error.getMessage());
        assertTrue(error.getMessage().contains("'id'"), error.getMessage());
    }

    @Test
    void uncompressedCrowdMaskIsRead() throws IOException {
        Path file = write("gt.json", """
                {"images": [{"id": 1, "width": 2, "height": 3}], "categories": [{"id": 1}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 1, "area": 2,
                                  "segmentation": {"size": [3, 2], "counts": [1, 2, 3]}}]}
                """);

        InstanceMask mask = CocoJsonReader.readGroundTruth(file).objects().get(0).mask();

        RleSegmentation rle = (RleSegmentation) ((InstanceMask.Shape) mask).segmentation();
        assertArrayEquals(new int[] {1, 2, 3}, rle.rle().counts());
        assertFalse(rle.compressed());
    }

    @Test
    void polygonsAreRead() throws IOException {
        Path file = write("dt.json", """
                [{"image_id": 1, "category_id": 1, "score": 0.5, "segmentation": [[0, 0, 4, 0, 4, 4], [5, 5, 6, 5, 6, 6]]}]
                """);

        InstanceMask mask = CocoJsonReader.readResults(file, true).get(0).mask();

        List<double[]> parts = ((org.backdrop.mask.PolygonSegmentation) ((InstanceMask.Shape) mask).segmentation()).parts();
        assertEquals(2, parts.size());
        assertArrayEquals(new double[] {0, 0, 4, 0, 4, 4}, parts.get(0));
    }

    @Test
    void partsReadLikeWholeFile() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"image_id\": ").append(i % 7).append(", \"category_id\": 1, \"bbox\": [")
                    .append(i).append(", 2, 3, 4], \"score\": 0.").append(i % 10).append('}');
        }
        Path file = write("dt.json", json.append("]").toString());

        CocoDetections parts = CocoJsonReader.readResults(file, false, 256);

        assertEquals(200, parts.size());
        for (int i = 0; i < 200; i++) {
            assertEquals(i % 7, parts.get(i).imageId());
            assertArrayEquals(new double[] {i, 2, 3, 4}, parts.get(i).bbox());
        }
    }

    @Test
    void braceInStringFallsBackToWholeFile() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            json.append(i == 0 ? "" : ",").append("{\"image_id\": 1, \"note\": \"x},{y}, {\", \"category_id\": 1, \"bbox\": [")
                    .append(i).append(", 2, 3, 4], \"score\": 0.5}");
        }
        Path file = write("dt.json", json.append("]").toString());

        CocoDetections parts = CocoJsonReader.readResults(file, false, 256);

        assertEquals(100, parts.size());
        assertArrayEquals(new double[] {99, 2, 3, 4}, parts.get(99).bbox());
    }

    @Test
    void faultInLaterPartNamesDetection() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1], \"score\": ")
                    .append(i == 90 ? "NaN" : "0.5").append('}');
        }
        Path file = write("dt.json", json.append("]").toString());

        EvaluationInputException error = assertThrows(EvaluationInputException.class, () -> CocoJsonReader.readResults(file, false, 256));

        assertTrue(error.getMessage().contains("detection [90]"), error.getMessage());
        assertTrue(error.getMessage().contains("line 91"), error.getMessage());
    }
}
