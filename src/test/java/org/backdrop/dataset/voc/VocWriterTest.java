package org.backdrop.dataset.voc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.WriteReport;
import org.backdrop.dataset.cifar.CifarReader;
import org.backdrop.mask.PolygonSegmentation;
import org.backdrop.mask.RleSegmentation;
import org.backdrop.mask.Segmentations;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocWriterTest {

    private final VocWriter writer = new VocWriter();

    @TempDir
    Path folder;

    private static Dataset read(Path root) throws DatasetException {
        return new VocReader().read(root, ReadOptions.defaults(), ProgressListener.NONE);
    }

    private WriteReport write(Dataset dataset, Path out) throws DatasetException {
        return writer.writeWithReport(dataset, new DatasetImages(), out, ProgressListener.NONE);
    }

    private static List<Category> standardCategories() {
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < VocCategories.STANDARD_NAMES.size(); i++) {
            categories.add(new Category(i + 1, VocCategories.STANDARD_NAMES.get(i)));
        }
        return categories;
    }

    private Dataset roundTrip(Dataset dataset, String name) throws DatasetException {
        Path out = folder.resolve(name);
        write(dataset, out);
        return read(out);
    }

    @Test
    void roundTripKeepsEveryFixture() throws Exception {
        List<String> fixtures = List.of("voc/icevision_voc2012", "voc/labelme_voc_export/bbox_detection",
                "voc/labelme_voc_export/instance_segmentation", "voc/rodm_voc2012_detection");
        for (String fixture : fixtures) {
            Dataset source = read(SharedData.fixture(fixture));

            Dataset copy = roundTrip(source, fixture.replace('/', '_'));

            assertEquals(source.samples(), copy.samples(), fixture);
            assertEquals(source.categories(), copy.categories(), fixture);
            assertEquals(List.of(), copy.invalid(), fixture);
        }
    }

    @Test
    void roundTripKeepsCaseFiles() throws Exception {
        Path voc = folder.resolve("source");
        for (String name : List.of("no_object", "one_object", "two_objects")) {
            VocTestData.copy(SharedData.regressionCase("CV-01/" + name + ".xml"), voc, "Annotations/" + name + ".xml");
        }
        for (String image : List.of("img_none", "img_one", "img_two")) {
            VocTestData.writeImage(voc, "JPEGImages/" + image + ".jpg", 320, 240);
        }
        Dataset source = read(voc);

        Dataset copy = roundTrip(source, "out");

        assertEquals(List.of("no_object", "one_object", "two_objects"), copy.samples().stream().map(Sample::id).toList());
        assertEquals(source.samples().get(2).annotations(), copy.samples().get(2).annotations());
        assertEquals(List.of(), copy.samples().get(0).annotations());
    }

    @Test
    void fractionalBoxesSurviveFiveRoundTrips() throws Exception {
        Dataset source = read(SharedData.fixture("voc/labelme_voc_export/bbox_detection"));

        Dataset current = source;
        for (int trip = 1; trip <= 5; trip++) {
            current = roundTrip(current, "trip" + trip);

            assertEquals(source.samples(), current.samples(), "trip " + trip);
        }
    }

    @Test
    void integerBoxesWrittenAsIntegers() throws Exception {
        Path out = folder.resolve("out");

        write(read(SharedData.fixture("voc/labelme_voc_export/bbox_detection")), out);

        String xml = Files.readString(out.resolve("Annotations/2011_000003.xml"));
        assertTrue(xml.contains("<xmin>191</xmin>"), xml);
        assertTrue(xml.contains("<ymin>107.36900369003689</ymin>"), xml);
    }

    @Test
    void imagesCopiedByteForByte() throws Exception {
        Path source = SharedData.fixture("voc/icevision_voc2012");
        Path out = folder.resolve("out");

        write(read(source), out);

        assertEquals(-1, Files.mismatch(source.resolve("JPEGImages/2007_000063.jpg"), out.resolve("JPEGImages/2007_000063.jpg")));
        assertEquals(-1, Files.mismatch(source.resolve("JPEGImages/2011_003353.jpg"), out.resolve("JPEGImages/2011_003353.jpg")));
    }

    @Test
    void voidRegionSurvivesRoundTrip() throws Exception {
        Path source = SharedData.fixture("voc/icevision_voc2012");
        Path out = folder.resolve("out");

        write(read(source), out);

        VocMasks before = VocMasks.read(source, "2007_000063").orElseThrow();
        VocMasks after = VocMasks.read(out, "2007_000063").orElseThrow();
        assertEquals(before.voidMask(), after.voidMask());
        assertEquals(before.classes(), after.classes());
        assertEquals(before.objects(), after.objects());
    }

    @Test
    void masksUseDevkitPalette() throws Exception {
        Path source = SharedData.fixture("voc/icevision_voc2012");
        Path out = folder.resolve("out");

        write(read(source), out);

        IndexColorModel expected = (IndexColorModel) ImageIO.read(source.resolve("SegmentationClass/2007_000063.png").toFile()).getColorModel();
        IndexColorModel written = (IndexColorModel) ImageIO.read(out.resolve("SegmentationClass/2007_000063.png").toFile()).getColorModel();
        for (int index = 0; index < 256; index++) {
            assertEquals(expected.getRGB(index), written.getRGB(index), "palette index " + index);
        }
    }

    @Test
    void sampleWithoutMasksGetsNoPng() throws Exception {
        Path out = folder.resolve("out");

        write(read(SharedData.fixture("voc/icevision_voc2012")), out);

        assertFalse(Files.exists(out.resolve("SegmentationClass/2011_003353.png")));
        assertFalse(Files.exists(out.resolve("SegmentationObject/2011_003353.png")));
    }

    @Test
    void imageSetsListWrittenSamples() throws Exception {
        Path out = folder.resolve("out");

        write(read(SharedData.fixture("voc/icevision_voc2012")), out);

        assertEquals(List.of("2007_000063", "2011_003353"), Files.readAllLines(out.resolve("ImageSets/Main/trainval.txt")));
        assertEquals(List.of("2007_000063"), Files.readAllLines(out.resolve("ImageSets/Segmentation/trainval.txt")));
    }

    @Test
    void sourceListsAreFiltered() throws Exception {
        Path voc = folder.resolve("source");
        for (String id : List.of("a", "b")) {
            VocTestData.writeAnnotation(voc, id, id + ".jpg", 10, 10, VocTestData.object("dog", 1, 1, 5, 5));
            VocTestData.writeImage(voc, "JPEGImages/" + id + ".jpg", 10, 10);
        }
        Files.createDirectories(voc.resolve("ImageSets/Main"));
        Files.writeString(voc.resolve("ImageSets/Main/train.txt"), "a\nb\n");
        Files.writeString(voc.resolve("ImageSets/Main/dog_train.txt"), "a  1\nb -1\nc  1\n");
        Path out = folder.resolve("out");

        write(read(voc), out);

        assertEquals(List.of("a", "b"), Files.readAllLines(out.resolve("ImageSets/Main/train.txt")));
        assertEquals(List.of("a 1", "b -1"), Files.readAllLines(out.resolve("ImageSets/Main/dog_train.txt")));
    }

    @Test
    void standardClassesNeedNoClassNames() throws Exception {
        Path out = folder.resolve("out");

        write(read(SharedData.fixture("voc/icevision_voc2012")), out);

        assertFalse(Files.exists(out.resolve("class_names.txt")));
    }

    @Test
    void cifarRecordsBecomePngImages() throws Exception {
        Dataset cifar = new CifarReader().read(SharedData.regressionCase("CV-03"), ReadOptions.defaults(), ProgressListener.NONE);
        Path out = folder.resolve("out");

        WriteReport report = write(cifar, out);

        assertEquals(5, report.written());
        Dataset copy = read(out);
        DatasetImages images = new DatasetImages();
        assertArrayEquals(images.load(cifar, cifar.samples().get(3)).pixels(), images.load(copy, copy.samples().get(3)).pixels());
        assertEquals(new ImageRef.File("JPEGImages/3.png"), copy.samples().get(3).image());
    }

    @Test
    void polygonsAreRasterisedIntoMasks() throws Exception {
        VocTestData.writeImage(folder, "a.png", 8, 6);
        PolygonSegmentation square = new PolygonSegmentation(List.of(new double[] {1, 1, 5, 1, 5, 4, 1, 4}));
        Annotation annotation = new Annotation(1, 12, new BoundingBox(1, 1, 4, 3), square, false, Double.NaN, false, false, Map.of());
        Sample sample = new Sample("a", new ImageRef.File("a.png"), 8, 6, List.of(), List.of(annotation));
        Dataset dataset = new Dataset(DatasetFormat.COCO, folder, standardCategories(), List.of(sample), List.of());

        Dataset copy = roundTrip(dataset, "out");

        RleSegmentation mask = (RleSegmentation) copy.samples().get(0).annotations().get(0).segmentation();
        assertTrue(mask.rle().area() > 0);
        assertEquals(Segmentations.toRle(square, 6, 8), mask.rle());
    }

    @Test
    void undefinedCategoryIsSkipped() throws Exception {
        VocTestData.writeImage(folder, "a.png", 10, 10);
        Sample sample = new Sample("a", new ImageRef.File("a.png"), 10, 10, List.of(),
                List.of(Annotation.ofBox(1, 99, new BoundingBox(0, 0, 5, 5))));
        Dataset dataset = new Dataset(DatasetFormat.COCO, folder, List.of(new Category(1, "dog")), List.of(sample), List.of());

        WriteReport report = write(dataset, folder.resolve("out"));

        assertEquals(0, report.written());
        assertEquals("annotation 1 has category id 99, which the dataset does not define", report.skipped().get(0).reason());
    }

    @Test
    void sampleIdCannotLeaveOutput() throws Exception {
        VocTestData.writeImage(folder, "a.png", 10, 10);
        Sample sample = new Sample("../../evil", new ImageRef.File("a.png"), 10, 10, List.of(), List.of());
        Dataset dataset = new Dataset(DatasetFormat.COCO, folder, List.of(new Category(1, "dog")), List.of(sample), List.of());
        Path out = folder.resolve("nested/out");

        write(dataset, out);

        try (Stream<Path> files = Files.list(folder.resolve("nested"))) {
            assertEquals(List.of(out), files.toList());
        }
        assertTrue(Files.exists(out.resolve("Annotations/_._.._evil.xml")));
    }

    @Test
    void noTemporaryFileRemains() throws Exception {
        Path out = folder.resolve("out");

        write(read(SharedData.fixture("voc/icevision_voc2012")), out);

        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
