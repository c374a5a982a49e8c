package org.backdrop.dataset.voc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.RleSegmentation;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocReaderTest {

    private final VocReader reader = new VocReader();

    @TempDir
    Path voc;

    private Dataset read(Path root) throws DatasetException {
        return reader.read(root, ReadOptions.defaults(), ProgressListener.NONE);
    }

    private static RleSegmentation mask(Annotation annotation) {
        return (RleSegmentation) annotation.segmentation();
    }

    @Test
    void icevisionSamplesAndSizes() throws Exception {
        Dataset dataset = read(SharedData.fixture("voc/icevision_voc2012"));

        assertEquals(List.of(), dataset.invalid());
        assertEquals(2, dataset.samples().size());
        Sample first = dataset.samples().get(0);
        assertEquals("2007_000063", first.id());
        assertEquals(new ImageRef.File("JPEGImages/2007_000063.jpg"), first.image());
        assertEquals(500, first.width());
        assertEquals(375, first.height());
        assertEquals(375, dataset.samples().get(1).width());
        assertEquals(500, dataset.samples().get(1).height());
    }

    @Test
    void standardClassesKeepDevkitIds() throws Exception {
        Dataset dataset = read(SharedData.fixture("voc/icevision_voc2012"));

        assertEquals(20, dataset.categories().size());
        assertEquals(new Category(1, "aeroplane"), dataset.categories().get(0));
        assertEquals(new Category(20, "tvmonitor"), dataset.categories().get(19));
        List<Annotation> objects = dataset.samples().get(0).annotations();
        assertEquals(12, objects.get(0).categoryId());
        assertEquals(9, objects.get(1).categoryId());
    }

    @Test
    void instanceMasksFollowObjectOrder() throws Exception {
        List<Annotation> objects = read(SharedData.fixture("voc/icevision_voc2012")).samples().get(0).annotations();

        assertEquals(27632, mask(objects.get(0)).rle().area());
        assertEquals(78930, mask(objects.get(1)).rle().area());
        assertEquals(500, mask(objects.get(0)).rle().width());
        assertEquals(375, mask(objects.get(0)).rle().height());
    }

    @Test
    void sampleWithoutMasksHasNoSegmentation() throws Exception {
        Sample detectionOnly = read(SharedData.fixture("voc/icevision_voc2012")).samples().get(1);

        assertEquals(1, detectionOnly.annotations().size());
        assertNull(detectionOnly.annotations().get(0).segmentation());
    }

    @Test
    void voidRegionComesFromMasks() throws Exception {
        Dataset dataset = read(SharedData.fixture("voc/icevision_voc2012"));

        VocMasks masks = VocMasks.read(dataset.root(), "2007_000063").orElseThrow();

        assertEquals(8714, masks.voidMask().area());
        assertTrue(VocMasks.read(dataset.root(), "2011_003353").isEmpty());
    }

    @Test
    void objectFlagsAndPoseAreKept() throws Exception {
        Annotation chair = read(SharedData.fixture("voc/icevision_voc2012")).samples().get(0).annotations().get(1);

        assertTrue(chair.truncated());
        assertFalse(chair.difficult());
        assertEquals("Frontal", chair.attributes().get("pose"));
        assertArrayEquals(new double[] {75, 1, 428, 375}, chair.box().toVoc());
    }

    @Test
    void annotationIdsCountAcrossSamples() throws Exception {
        Dataset dataset = read(SharedData.fixture("voc/icevision_voc2012"));

        assertEquals(1, dataset.samples().get(0).annotations().get(0).id());
        assertEquals(2, dataset.samples().get(0).annotations().get(1).id());
        assertEquals(3, dataset.samples().get(1).annotations().get(0).id());
    }

    @Test
    void objectsAreAlwaysList() throws Exception {
        for (String name : List.of("no_object", "one_object", "two_objects")) {
            VocTestData.copy(SharedData.regressionCase("CV-01/" + name + ".xml"), voc, "Annotations/" + name + ".xml");
        }
        for (String image : List.of("img_none", "img_one", "img_two")) {
            VocTestData.writeImage(voc, "JPEGImages/" + image + ".jpg", 320, 240);
        }

        Dataset dataset = read(voc);

        assertEquals(3, dataset.samples().size());
        assertEquals(0, dataset.samples().get(0).annotations().size());
        assertEquals(1, dataset.samples().get(1).annotations().size());
        assertEquals(2, dataset.samples().get(2).annotations().size());
        assertTrue(dataset.samples().get(2).annotations().get(1).difficult());
    }

    @Test
    void tinyMasksMatchObjects() throws Exception {
        VocTestData.writeAnnotation(voc, "tiny", "tiny.png", 4, 4,
                VocTestData.object("person", 2, 2, 3, 3) + VocTestData.object("dog", 3, 3, 4, 4));
        VocTestData.writeImage(voc, "JPEGImages/tiny.png", 4, 4);
        VocTestData.copy(SharedData.regressionCase("CV-08/SegmentationClass_tiny.png"), voc, "SegmentationClass/tiny.png");
        VocTestData.copy(SharedData.regressionCase("CV-08/SegmentationObject_tiny.png"), voc, "SegmentationObject/tiny.png");

        List<Annotation> objects = read(voc).samples().get(0).annotations();

        assertEquals(2, objects.size());
        assertArrayEquals(new int[] {5, 2, 2, 1, 6}, mask(objects.get(0)).rle().counts());
        assertEquals(3, mask(objects.get(1)).rle().area());
        byte[] second = mask(objects.get(1)).rle().toRowMajor();
        assertEquals(1, second[2 * 4 + 3]);
        assertEquals(1, second[3 * 4 + 2]);
        assertEquals(1, second[3 * 4 + 3]);
    }

    @Test
    void missingImageIsInvalid() throws Exception {
        VocTestData.writeAnnotation(voc, "a", "a.jpg", 10, 10, "");
        VocTestData.writeAnnotation(voc, "b", "b.jpg", 10, 10, "");
        VocTestData.writeImage(voc, "JPEGImages/b.jpg", 10, 10);

        Dataset dataset = read(voc);

        assertEquals(1, dataset.samples().size());
        assertEquals(List.of(new InvalidSample("Annotations/a.xml",
                "image file JPEGImages/a.jpg not found; add the image or remove the sample")), dataset.invalid());
    }

    @Test
    void fileNameLeavingRootIsInvalid() throws Exception {
        Files.writeString(voc.resolve("secret.jpg"), "not an image");
        VocTestData.writeAnnotation(voc, "up", "../secret.jpg", 10, 10, "");
        VocTestData.writeAnnotation(voc, "absolute", voc.resolve("secret.jpg").toAbsolutePath().toString(), 10, 10, "");
        Files.createDirectories(voc.resolve("JPEGImages"));

        Dataset dataset = read(voc);

        assertEquals(0, dataset.samples().size());
        assertEquals(2, dataset.invalid().size());
        for (InvalidSample invalid : dataset.invalid()) {
            assertTrue(invalid.reason().contains("which is not inside JPEGImages"), invalid.reason());
        }
    }

    @Test
    void doctypeFileIsInvalidOthersRead() throws Exception {
        Files.createDirectories(voc.resolve("Annotations"));
        Files.writeString(voc.resolve("Annotations/bad.xml"), "<!DOCTYPE annotation><annotation/>");
        VocTestData.writeAnnotation(voc, "good", "good.jpg", 10, 10, "");
        VocTestData.writeImage(voc, "JPEGImages/good.jpg", 10, 10);

        Dataset dataset = read(voc);

        assertEquals(1, dataset.samples().size());
        assertEquals("Annotations/bad.xml", dataset.invalid().get(0).file());
        assertTrue(dataset.invalid().get(0).reason().startsWith("declares a DOCTYPE"), dataset.invalid().get(0).reason());
    }

    @Test
    void unknownNamesAppendedInFirstSeenOrder() throws Exception {
        VocTestData.writeAnnotation(voc, "a", "a.jpg", 10, 10, VocTestData.object("kangaroo", 1, 1, 5, 5)
                + VocTestData.object("dog", 1, 1, 5, 5) + VocTestData.object("wombat", 1, 1, 5, 5) + VocTestData.object("kangaroo", 1, 1, 5, 5));
        VocTestData.writeImage(voc, "JPEGImages/a.jpg", 10, 10);

        Dataset dataset = read(voc);

        assertEquals(22, dataset.categories().size());
        assertEquals(new Category(21, "kangaroo"), dataset.categories().get(20));
        assertEquals(new Category(22, "wombat"), dataset.categories().get(21));
        assertEquals(List.of(21, 12, 22, 21), dataset.samples().get(0).annotations().stream().map(Annotation::categoryId).toList());
    }

    @Test
    void classNamesFileSetsIds() throws Exception {
        Dataset dataset = read(SharedData.fixture("voc/labelme_voc_export/bbox_detection"));

        assertEquals(new Category(15, "person"), dataset.category(15).orElseThrow());
        assertEquals(new Category(16, "potted plant"), dataset.category(16).orElseThrow());
        assertEquals(new Category(20, "tv/monitor"), dataset.category(20).orElseThrow());
        assertTrue(dataset.category(0).isEmpty());
    }

    @Test
    void fractionalBoxesAreRead() throws Exception {
        Annotation person = read(SharedData.fixture("voc/labelme_voc_export/bbox_detection")).samples().get(0).annotations().get(0);

        assertEquals(190.0, person.box().x());
        assertEquals(107.36900369003689 - 1, person.box().y());
    }

    @Test
    void masksAloneGiveObjects() throws Exception {
        Dataset dataset = read(SharedData.fixture("voc/labelme_voc_export/instance_segmentation"));

        assertEquals(3, dataset.samples().size());
        Sample first = dataset.samples().get(0);
        assertEquals("2011_000003", first.id());
        assertEquals(List.of(15, 15, 5), first.annotations().stream().map(Annotation::categoryId).toList());
        assertEquals(List.of(15662L, 17218L, 873L), first.annotations().stream().map(annotation -> mask(annotation).rle().area()).toList());
        assertEquals(new BoundingBox(191, 107, 123, 221), first.annotations().get(0).box());
    }

    @Test
    void masksAloneSkipMissingInstanceNumbers() throws Exception {
        Sample second = read(SharedData.fixture("voc/labelme_voc_export/instance_segmentation")).samples().get(1);

        assertEquals(List.of(15, 15, 15, 9, 15, 18), second.annotations().stream().map(Annotation::categoryId).toList());
        assertEquals(14002, mask(second.annotations().get(5)).rle().area());
    }

    @Test
    void rodmFolderReadsEveryObject() throws Exception {
        Dataset dataset = read(SharedData.fixture("voc/rodm_voc2012_detection"));

        assertEquals(40, dataset.samples().size());
        assertEquals(87, dataset.samples().stream().mapToInt(sample -> sample.annotations().size()).sum());
        assertEquals(List.of(), dataset.invalid());
    }

    @Test
    void pixelLimitMakesSampleInvalid() throws Exception {
        Dataset dataset = reader.read(SharedData.fixture("voc/icevision_voc2012"), new ReadOptions(1000), ProgressListener.NONE);

        assertEquals(0, dataset.samples().size());
        assertTrue(dataset.invalid().get(0).reason().contains("declares 500x375 pixels, more than the limit of 1000"),
                dataset.invalid().get(0).reason());
    }

    @Test
    void devkitFolderIsFound() throws Exception {
        Path year = voc.resolve("VOCdevkit/VOC2012");
        VocTestData.writeAnnotation(year, "a", "a.jpg", 10, 10, "");
        VocTestData.writeImage(year, "JPEGImages/a.jpg", 10, 10);

        Dataset dataset = read(voc);

        assertEquals(year, dataset.root());
        assertEquals(1, dataset.samples().size());
    }

    @Test
    void severalYearsThrow() throws Exception {
        Files.createDirectories(voc.resolve("VOCdevkit/VOC2007/Annotations"));
        Files.createDirectories(voc.resolve("VOCdevkit/VOC2012/Annotations"));

        DatasetException error = assertThrows(DatasetException.class, () -> read(voc));

        assertTrue(error.getMessage().contains("contains several VOC datasets"), error.getMessage());
    }

    @Test
    void cifarFolderIsNotRecognized() {
        assertFalse(reader.recognizes(SharedData.fixture("cifar10/cifar-10-batches-bin")));
        assertTrue(reader.recognizes(SharedData.fixture("voc/rodm_voc2012_detection")));
    }
}
