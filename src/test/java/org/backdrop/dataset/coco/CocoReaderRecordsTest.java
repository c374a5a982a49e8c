package org.backdrop.dataset.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.PolygonSegmentation;
import org.backdrop.mask.Rle;
import org.backdrop.mask.RleSegmentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads small hand-written COCO files: field handling, skipped records and malformed JSON. */
class CocoReaderRecordsTest {

    private static final String CATEGORIES = "\"categories\": [{\"id\": 1, \"name\": \"cat\"}]";
    private static final String IMAGE_A = "{\"id\": 1, \"width\": 4, \"height\": 3, \"file_name\": \"a.jpg\"}";
    private static final String IMAGE_B = "{\"id\": 2, \"width\": 4, \"height\": 3, \"file_name\": \"b.jpg\"}";

    @TempDir
    Path folder;

    private Dataset read(String json) throws IOException, DatasetException {
        Path file = folder.resolve("annotations.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return new CocoReader().read(file, ReadOptions.defaults(), ProgressListener.NONE);
    }

    private Dataset readAnnotations(String... annotations) throws IOException, DatasetException {
        return read("{\"images\": [" + IMAGE_A + ", " + IMAGE_B + "], " + CATEGORIES + ", \"annotations\": ["
                + String.join(", ", annotations) + "]}");
    }

    private static String annotation(long id, String fields) {
        return "{\"id\": " + id + ", \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 2, 2]" + (fields.isEmpty() ? "" : ", " + fields) + "}";
    }

    private static List<Long> annotationIds(Dataset dataset) {
        return dataset.samples().stream().flatMap(sample -> sample.annotations().stream()).map(Annotation::id).toList();
    }

    @Test
    void annotationsBeforeImages() throws Exception {
        Dataset dataset = read("{\"annotations\": [" + annotation(5, "") + "], " + CATEGORIES + ", \"images\": [" + IMAGE_A + "]}");

        assertEquals(List.of(5L), annotationIds(dataset));
        assertEquals(List.of(), dataset.invalid());
    }

    @Test
    void unknownFieldsIgnored() throws Exception {
        Dataset dataset = read("{\"info\": {\"year\": 2017, \"nested\": [[1], {\"a\": null}]}, \"type\": \"instances\", "
                + "\"images\": [{\"id\": 1, \"flickr_url\": \"x\", \"extra\": {\"k\": [1, 2]}, \"width\": 4, \"height\": 3, \"file_name\": \"a.jpg\"}], "
                + CATEGORIES + ", \"annotations\": [" + annotation(5, "\"ignore\": 0, \"attributes\": {\"occluded\": false}") + "]}");

        assertEquals(List.of(5L), annotationIds(dataset));
        assertEquals(List.of(), dataset.invalid());
    }

    @Test
    void sampleOrderFollowsImagesList() throws Exception {
        Dataset dataset = read("{\"images\": [" + IMAGE_B + ", " + IMAGE_A + "], " + CATEGORIES + ", \"annotations\": ["
                + annotation(7, "") + ", " + annotation(3, "").replace("\"image_id\": 1", "\"image_id\": 2") + ", " + annotation(4, "") + "]}");

        assertEquals("2", dataset.samples().get(0).id());
        assertEquals(List.of(3L), dataset.samples().get(0).annotations().stream().map(Annotation::id).toList());
        assertEquals(List.of(7L, 4L), dataset.samples().get(1).annotations().stream().map(Annotation::id).toList());
    }

    @Test
    void imageWithoutAnnotationsKept() throws Exception {
        Dataset dataset = readAnnotations(annotation(1, ""));

        Sample second = dataset.samples().get(1);
        assertEquals(new ImageRef.File("b.jpg"), second.image());
        assertEquals(List.of(), second.annotations());
    }

    @Test
    void missingAreaIsNaN() throws Exception {
        Dataset dataset = readAnnotations(annotation(1, ""));

        assertTrue(Double.isNaN(dataset.samples().get(0).annotations().get(0).area()));
    }

    @Test
    void crowdAsBoolean() throws Exception {
        Dataset dataset = readAnnotations(annotation(1, "\"iscrowd\": true"));

        assertTrue(dataset.samples().get(0).annotations().get(0).crowd());
    }

    @Test
    void emptyPolygonListIsNoSegmentation() throws Exception {
        Dataset dataset = readAnnotations(annotation(1, "\"segmentation\": []"), annotation(2, "\"segmentation\": null"));

        assertNull(dataset.samples().get(0).annotations().get(0).segmentation());
        assertNull(dataset.samples().get(0).annotations().get(1).segmentation());
    }

    @Test
    void coordinatesKeepFullPrecision() throws Exception {
        Dataset dataset = readAnnotations(annotation(1, "\"segmentation\": [[250.8142292490119, 1.5, 3, 1e2, -0.0, 2.25]]"));

        PolygonSegmentation polygons = assertInstanceOf(PolygonSegmentation.class, dataset.samples().get(0).annotations().get(0).segmentation());
        assertArrayEquals(new double[] {250.8142292490119, 1.5, 3, 100, -0.0, 2.25}, polygons.parts().get(0));
    }

    @Test
    void uncompressedRleRead() throws Exception {
        Dataset dataset = readAnnotations(annotation(1, "\"segmentation\": {\"counts\": [2, 3, 7], \"size\": [3, 4]}"));

        RleSegmentation rle = assertInstanceOf(RleSegmentation.class, dataset.samples().get(0).annotations().get(0).segmentation());
        assertEquals(new Rle(3, 4, new int[] {2, 3, 7}), rle.rle());
    }

    @Test
    void boxAndIdsRead() throws Exception {
        Dataset dataset = readAnnotations("{\"id\": 9007199254740993, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1.5, 2, 0.25, 0]}");

        Annotation annotation = dataset.samples().get(0).annotations().get(0);
        assertEquals(9007199254740993L, annotation.id());
        assertEquals(new BoundingBox(1.5, 2, 0.25, 0), annotation.box());
    }

    @Test
    void unknownImageIdSkipped() throws Exception {
        Dataset dataset = readAnnotations(annotation(1, ""), annotation(2, "").replace("\"image_id\": 1", "\"image_id\": 99"));

        assertEquals(List.of(1L), annotationIds(dataset));
        assertEquals(1, dataset.invalid().size());
        InvalidSample invalid = dataset.invalid().get(0);
        assertEquals("annotations.json", invalid.file());
        assertTrue(invalid.reason().contains("annotation 2"), invalid.reason());
        assertTrue(invalid.reason().contains("image_id 99"), invalid.reason());
    }

    @Test
    void unknownCategorySkipped() throws Exception {
        Dataset dataset = readAnnotations(annotation(1, ""), annotation(2, "").replace("\"category_id\": 1", "\"category_id\": 7"));

        assertEquals(List.of(1L), annotationIds(dataset));
        InvalidSample invalid = dataset.invalid().get(0);
        assertEquals("a.jpg", invalid.file());
        assertTrue(invalid.reason().contains("annotation 2"), invalid.reason());
        assertTrue(invalid.reason().contains("category_id 7"), invalid.reason());
    }

    @Test
    void rleCountSumMismatchSkipped() throws Exception {
        Dataset dataset = readAnnotations(annotation(1, "\"segmentation\": {\"counts\": [2, 3, 6], \"size\": [3, 4]}"));

        assertEquals(List.of(), annotationIds(dataset));
        InvalidSample invalid = dataset.invalid().get(0);
        assertEquals("a.jpg", invalid.file());
        assertTrue(invalid.reason().contains("annotation 1"), invalid.reason());
        assertTrue(invalid.reason().contains("sum to 11"), invalid.reason());
        assertTrue(invalid.reason().contains("12"), invalid.reason());
    }

    @Test
    void compressedRleWrongSizeSkipped() throws Exception {
        // "235N0" encodes the runs 2, 3, 5, 1, 5: 16 pixels, not the 12 of a 3 x 4 mask.
        Dataset dataset = readAnnotations(annotation(1, "\"segmentation\": {\"counts\": \"235N0\", \"size\": [3, 4]}"));

        assertEquals(List.of(), annotationIds(dataset));
        assertTrue(dataset.invalid().get(0).reason().contains("RLE counts string is invalid"), dataset.invalid().get(0).reason());
    }

    @Test
    void rleSizeDiffersFromImage() throws Exception {
        Dataset dataset = readAnnotations(annotation(1, "\"segmentation\": {\"counts\": [2, 3, 7], \"size\": [4, 3]}"));

        assertEquals(List.of(), annotationIds(dataset));
        assertTrue(dataset.invalid().get(0).reason().contains("differs from the image size"), dataset.invalid().get(0).reason());
    }

    @Test
    void oddPolygonSkipped() throws Exception {
        Dataset dataset = readAnnotations(annotation(1, "\"segmentation\": [[0, 0, 2, 0, 2, 2], [0, 0, 1, 1, 2]]"), annotation(2, ""));

        assertEquals(List.of(2L), annotationIds(dataset));
        InvalidSample invalid = dataset.invalid().get(0);
        assertEquals("a.jpg", invalid.file());
        assertTrue(invalid.reason().contains("annotation 1"), invalid.reason());
        assertTrue(invalid.reason().contains("polygon 2 has an odd number of coordinates (5)"), invalid.reason());
    }

    @Test
    void negativeBoxSizeSkipped() throws Exception {
        Dataset dataset = readAnnotations("{\"id\": 3, \"image_id\": 2, \"category_id\": 1, \"bbox\": [5, 5, -1, 2]}");

        assertEquals(List.of(), annotationIds(dataset));
        InvalidSample invalid = dataset.invalid().get(0);
        assertEquals("b.jpg", invalid.file());
        assertTrue(invalid.reason().contains("annotation 3"), invalid.reason());
        assertTrue(invalid.reason().contains("negative width or height"), invalid.reason());
    }

    @Test
    void wrongFieldTypeSkipped() throws Exception {
        Dataset dataset = readAnnotations(annotation(1, "").replace("\"category_id\": 1", "\"category_id\": \"cat\""));

        assertEquals(List.of(), annotationIds(dataset));
        assertTrue(dataset.invalid().get(0).reason().contains("category_id must be an integer"), dataset.invalid().get(0).reason());
    }

    @Test
    void duplicateImageIdKeepsFirst() throws Exception {
        Dataset dataset = read("{\"images\": [" + IMAGE_A + ", " + IMAGE_A.replace("a.jpg", "c.jpg") + "], " + CATEGORIES
                + ", \"annotations\": [" + annotation(1, "") + "]}");

        assertEquals(1, dataset.samples().size());
        assertEquals(new ImageRef.File("a.jpg"), dataset.samples().get(0).image());
        assertEquals(List.of(1L), annotationIds(dataset));
        InvalidSample invalid = dataset.invalid().get(0);
        assertEquals("c.jpg", invalid.file());
        assertTrue(invalid.reason().contains("image id 1 is also used by 'a.jpg'"), invalid.reason());
    }

    @Test
    void absoluteFileNameSkipped() throws Exception {
        Dataset dataset = read("{\"images\": [" + IMAGE_A.replace("a.jpg", "/etc/passwd") + ", " + IMAGE_B + "], " + CATEGORIES
                + ", \"annotations\": [" + annotation(1, "") + "]}");

        assertEquals(List.of("2"), dataset.samples().stream().map(Sample::id).toList());
        InvalidSample invalid = dataset.invalid().get(0);
        assertEquals("/etc/passwd", invalid.file());
        assertTrue(invalid.reason().contains("absolute file name"), invalid.reason());
        assertTrue(invalid.reason().contains("1 annotation skipped with it"), invalid.reason());
    }

    @Test
    void fileNameLeavingRootSkipped() throws Exception {
        Dataset dataset = read("{\"images\": [" + IMAGE_A.replace("a.jpg", "images/../../secret.jpg") + "], " + CATEGORIES
                + ", \"annotations\": []}");

        assertEquals(0, dataset.samples().size());
        assertTrue(dataset.invalid().get(0).reason().contains("outside the dataset root"), dataset.invalid().get(0).reason());
    }

    @Test
    void imageWithoutFileNameSkipped() throws Exception {
        Dataset dataset = read("{\"images\": [{\"id\": 4, \"width\": 2, \"height\": 2}], " + CATEGORIES + "}");

        assertEquals(0, dataset.samples().size());
        assertEquals(new InvalidSample("annotations.json", "image 4: it has no file_name"), dataset.invalid().get(0));
    }

    @Test
    void declaredSizeAboveLimitSkipped() throws Exception {
        Path file = folder.resolve("annotations.json");
        Files.writeString(file, "{\"images\": [" + IMAGE_A + ", " + IMAGE_B.replace("\"width\": 4", "\"width\": 400") + "], " + CATEGORIES + "}");

        Dataset dataset = new CocoReader().read(file, new ReadOptions(12), ProgressListener.NONE);

        assertEquals(List.of("1"), dataset.samples().stream().map(Sample::id).toList());
        assertTrue(dataset.invalid().get(0).reason().contains("more pixels than the limit of 12"), dataset.invalid().get(0).reason());
    }

    @Test
    void duplicateCategoryKeepsFirst() throws Exception {
        Dataset dataset = read("{\"images\": [], \"categories\": [{\"id\": 1, \"name\": \"cat\"}, {\"id\": 1, \"name\": \"dog\"}]}");

        assertEquals(1, dataset.categories().size());
        assertEquals("cat", dataset.categories().get(0).name());
        assertTrue(dataset.invalid().get(0).reason().contains("category id 1 is listed twice"), dataset.invalid().get(0).reason());
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        Path file = folder.resolve("annotations.json");
        Files.writeString(file, "{\"images\": [\n  {\"id\": 1,, \"file_name\": \"a.jpg\"}\n]}");

        DatasetException error = assertThrows(DatasetException.class,
                () -> new CocoReader().read(file, ReadOptions.defaults(), ProgressListener.NONE));

        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("line 2, column 12"), error.getMessage());
    }

    @Test
    void truncatedJsonRejected() throws IOException {
        Path file = folder.resolve("annotations.json");
        Files.writeString(file, "{\"images\": [" + IMAGE_A);

        DatasetException error = assertThrows(DatasetException.class,
                () -> new CocoReader().read(file, ReadOptions.defaults(), ProgressListener.NONE));

        assertTrue(error.getMessage().contains("is not valid JSON at line 1"), error.getMessage());
    }

    @Test
    void topLevelListRejected() {
        DatasetException error = assertThrows(DatasetException.class, () -> read("[{\"image_id\": 1, \"bbox\": [0, 0, 1, 1]}]"));

        assertTrue(error.getMessage().contains("not a COCO instances file"), error.getMessage());
    }

    @Test
    void missingImagesListRejected() {
        DatasetException error = assertThrows(DatasetException.class, () -> read("{" + CATEGORIES + "}"));

        assertTrue(error.getMessage().contains("has no \"images\" list"), error.getMessage());
    }

    @Test
    void cancellationStopsReading() throws IOException {
        StringBuilder images = new StringBuilder();
        for (int id = 1; id <= 10_000; id++) {
            images.append(id > 1 ? ", " : "").append(IMAGE_A.replace("\"id\": 1", "\"id\": " + id));
        }
        Path file = folder.resolve("annotations.json");
        Files.writeString(file, "{\"images\": [" + images + "]}");
        ProgressListener cancelled = new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        assertThrows(CancellationException.class, () -> new CocoReader().read(file, ReadOptions.defaults(), cancelled));
    }
}
