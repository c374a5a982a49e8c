package org.backdrop.dataset.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.PolygonSegmentation;
import org.backdrop.mask.RleSegmentation;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Reads the shared COCO fixtures; expected values are taken from the fixture files and their notes. */
class CocoReaderFixturesTest {

    private static Dataset read(Path path) throws DatasetException {
        return new CocoReader().read(path, ReadOptions.defaults(), ProgressListener.NONE);
    }

    private static Sample sample(Dataset dataset, String id) {
        return dataset.samples().stream().filter(sample -> sample.id().equals(id)).findFirst().orElseThrow();
    }

    private static Annotation annotation(Dataset dataset, long id) {
        return dataset.samples().stream()
                .flatMap(sample -> sample.annotations().stream())
                .filter(annotation -> annotation.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private static long annotationCount(Dataset dataset) {
        return dataset.samples().stream().mapToLong(sample -> sample.annotations().size()).sum();
    }

    @Test
    void icevisionCounts() throws DatasetException {
        Dataset dataset = read(SharedData.fixture("coco/icevision_coco2017_subset/annotations.json"));

        assertEquals(6, dataset.samples().size());
        assertEquals(36, annotationCount(dataset));
        assertEquals(80, dataset.categories().size());
        assertEquals(List.of(), dataset.invalid());
    }

    @Test
    void icevisionImageWithoutAnnotationsKept() throws DatasetException {
        Dataset dataset = read(SharedData.fixture("coco/icevision_coco2017_subset/annotations.json"));

        Sample empty = sample(dataset, "89");
        assertEquals(new ImageRef.File("000000000089.jpg"), empty.image());
        assertEquals(List.of(), empty.annotations());
    }

    @Test
    void icevisionImagesFolderIsRoot() throws DatasetException {
        Path file = SharedData.fixture("coco/icevision_coco2017_subset/annotations.json");

        Dataset dataset = read(file);

        assertEquals(file.getParent().resolve("images").toAbsolutePath().normalize(), dataset.root());
    }

    @Test
    void icevisionSampleFields() throws DatasetException {
        Dataset dataset = read(SharedData.fixture("coco/icevision_coco2017_subset/annotations.json"));

        Sample first = dataset.samples().get(0);
        assertEquals("128372", first.id());
        assertEquals(640, first.width());
        assertEquals(427, first.height());
        assertEquals(16, first.annotations().size());
        assertEquals(List.of(), first.labels());
    }

    @Test
    void icevisionPolygonAnnotation() throws DatasetException {
        Dataset dataset = read(SharedData.fixture("coco/icevision_coco2017_subset/annotations.json"));

        Annotation annotation = annotation(dataset, 150977);
        assertEquals(4, annotation.categoryId());
        assertEquals(new BoundingBox(175.14, 175.68, 321.08, 240), annotation.box());
        assertEquals(43522.80595, annotation.area());
        assertFalse(annotation.crowd());
        PolygonSegmentation polygons = assertInstanceOf(PolygonSegmentation.class, annotation.segmentation());
        assertEquals(1, polygons.parts().size());
        double[] part = polygons.parts().get(0);
        assertEquals(136, part.length);
        assertArrayEquals(new double[] {457.3, 258.92, 458.38, 276.22}, java.util.Arrays.copyOf(part, 4));
        assertArrayEquals(new double[] {468.11, 243.78}, java.util.Arrays.copyOfRange(part, 134, 136));
    }

    @Test
    void icevisionPolygonWithTwoParts() throws DatasetException {
        Dataset dataset = read(SharedData.fixture("coco/icevision_coco2017_subset/annotations.json"));

        PolygonSegmentation polygons = assertInstanceOf(PolygonSegmentation.class, annotation(dataset, 257712).segmentation());
        assertEquals(2, polygons.parts().size());
    }

    @Test
    void icevisionCrowdUncompressedRle() throws DatasetException {
        Dataset dataset = read(SharedData.fixture("coco/icevision_coco2017_subset/annotations.json"));

        Annotation crowd = annotation(dataset, 904400464689L);
        assertTrue(crowd.crowd());
        assertEquals(44, crowd.categoryId());
        assertEquals(890, crowd.area());
        RleSegmentation rle = assertInstanceOf(RleSegmentation.class, crowd.segmentation());
        assertFalse(rle.compressed());
        assertEquals(640, rle.rle().height());
        assertEquals(586, rle.rle().width());
        assertEquals(121, rle.rle().runCount());
        assertEquals(84249, rle.rle().run(0));
        assertEquals(7, rle.rle().run(1));
    }

    @Test
    void icevisionCategoryKeepsSupercategory() throws DatasetException {
        Dataset dataset = read(SharedData.fixture("coco/icevision_coco2017_subset/annotations.json"));

        assertEquals(new Category(1, "person", "person"), dataset.categories().get(0));
        assertEquals(new Category(90, "toothbrush", "indoor"), dataset.categories().get(79));
    }

    @Test
    void labelmeBackgroundCategoryZero() throws DatasetException {
        Dataset dataset = read(SharedData.fixture("coco/labelme_coco_export/annotations.json"));

        assertEquals(new Category(0, "_background_", ""), dataset.categories().get(0));
        assertEquals(21, dataset.categories().size());
    }

    @Test
    void labelmeFileNamesWithFolder() throws DatasetException {
        Path file = SharedData.fixture("coco/labelme_coco_export/annotations.json");

        Dataset dataset = read(file);

        assertEquals(file.getParent().toAbsolutePath().normalize(), dataset.root());
        assertEquals(new ImageRef.File("JPEGImages/2011_000003.jpg"), dataset.samples().get(0).image());
        assertEquals("0", dataset.samples().get(0).id());
        assertEquals(3, dataset.samples().size());
        assertEquals(12, annotationCount(dataset));
    }

    @Test
    void labelmeFolderPathFindsFile() throws DatasetException {
        Dataset dataset = read(SharedData.fixture("coco/labelme_coco_export"));

        assertEquals(3, dataset.samples().size());
    }

    @Test
    void val2014Counts() throws DatasetException {
        Dataset dataset = read(SharedData.fixture("coco/val2014_first100_eval/instances_val2014_100.json"));

        assertEquals(100, dataset.samples().size());
        assertEquals(839, annotationCount(dataset));
        long crowd = dataset.samples().stream().flatMap(sample -> sample.annotations().stream()).filter(Annotation::crowd).count();
        assertEquals(9, crowd);
        assertEquals(80, dataset.categories().size());
        assertEquals(List.of(), dataset.invalid());
    }

    @Test
    void val2014WithoutImagesUsesFileFolder() throws DatasetException {
        Path file = SharedData.fixture("coco/val2014_first100_eval/instances_val2014_100.json");

        Dataset dataset = read(file);

        assertEquals(file.getParent().toAbsolutePath().normalize(), dataset.root());
        assertEquals(new ImageRef.File("COCO_val2014_000000001146.jpg"), dataset.samples().get(0).image());
    }

    @Test
    void noncontiguousCategoryIdsKept() throws DatasetException {
        Dataset dataset = read(SharedData.regressionCase("CV-21/coco_noncontiguous_ids.json"));

        assertEquals(List.of(new Category(0, "cat"), new Category(1, "dog"), new Category(3, "bird")), dataset.categories());
        List<Integer> categoryIds = dataset.samples().get(0).annotations().stream().map(Annotation::categoryId).toList();
        assertEquals(List.of(0, 1, 3), categoryIds);
    }

    @Test
    void annotationWithoutSegmentation() throws DatasetException {
        Dataset dataset = read(SharedData.regressionCase("CV-21/coco_noncontiguous_ids.json"));

        assertNull(dataset.samples().get(0).annotations().get(0).segmentation());
        assertEquals(400, dataset.samples().get(0).annotations().get(0).area());
    }

    @Test
    void twoPointPolygonKeptAsParsed() throws DatasetException {
        Dataset dataset = read(SharedData.regressionCase("CV-05/coco_two_point_polygon.json"));

        PolygonSegmentation first = assertInstanceOf(PolygonSegmentation.class, annotation(dataset, 1).segmentation());
        assertEquals(1, first.parts().size());
        assertArrayEquals(new double[] {2, 2, 10, 2}, first.parts().get(0));
        PolygonSegmentation third = assertInstanceOf(PolygonSegmentation.class, annotation(dataset, 3).segmentation());
        assertArrayEquals(new double[] {0, 0, 0, 9, 9, 9, 9, 0}, third.parts().get(0));
        assertArrayEquals(new double[] {2, 2, 10, 2}, third.parts().get(1));
        assertEquals(List.of(), dataset.invalid());
    }

    @Test
    void exifCaseSizeAsDeclared() throws DatasetException {
        Path file = SharedData.regressionCase("CV-09/coco_exif.json");

        Dataset dataset = read(file);

        Sample sample = dataset.samples().get(0);
        assertEquals(16, sample.width());
        assertEquals(32, sample.height());
        assertEquals(file.getParent().toAbsolutePath().normalize(), dataset.root());
        assertEquals(new BoundingBox(0, 0, 16, 16), sample.annotations().get(0).box());
    }

    @Test
    void compressedRleDecoded() throws DatasetException {
        Dataset dataset = read(SharedData.regressionCase("CV-04/coco_rle_compressed.json"));

        RleSegmentation first = assertInstanceOf(RleSegmentation.class, annotation(dataset, 1).segmentation());
        assertTrue(first.compressed());
        assertArrayEquals(new int[] {2, 3, 5, 1, 5}, first.rle().counts());
        RleSegmentation second = assertInstanceOf(RleSegmentation.class, annotation(dataset, 2).segmentation());
        assertFalse(second.compressed());
        assertEquals(first.rle(), second.rle());
    }

    @Test
    void compressedRleWithBackslash() throws DatasetException {
        Dataset dataset = read(SharedData.regressionCase("CV-04/coco_rle_compressed.json"));

        RleSegmentation third = assertInstanceOf(RleSegmentation.class, annotation(dataset, 3).segmentation());
        assertTrue(third.compressed());
        assertArrayEquals(new int[] {44, 4, 52}, third.rle().counts());
        assertEquals(10, third.rle().height());
        assertEquals(10, third.rle().width());
    }
}
