package org.backdrop.dataset.folder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.ProgressListener;
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
import org.backdrop.dataset.voc.VocReader;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWriterTest {

    private final FolderWriter writer = new FolderWriter();

    @TempDir
    Path folder;

    private static Dataset read(Path root) throws DatasetException {
        return new FolderReader().read(root, ReadOptions.defaults(), ProgressListener.NONE);
    }

    private WriteReport write(Dataset dataset, Path out) throws DatasetException {
        return writer.writeWithReport(dataset, new DatasetImages(), out, ProgressListener.NONE);
    }

    @Test
    void roundTripKeepsFixture() throws Exception {
        Dataset source = read(SharedData.fixture("cifar10/test_images_jpg"));
        Path out = folder.resolve("out");

        write(source, out);
        Dataset copy = read(out);

        assertEquals(source.samples(), copy.samples());
        assertEquals(source.categories(), copy.categories());
    }

    @Test
    void imagesCopiedByteForByte() throws Exception {
        Path source = SharedData.fixture("cifar10/test_images_jpg");
        Path out = folder.resolve("out");

        write(read(source), out);

        assertEquals(-1, Files.mismatch(source.resolve("horse/0017.jpg"), out.resolve("horse/0017.jpg")));
    }

    @Test
    void roundTripKeepsBoxFiles() throws Exception {
        Path source = folder.resolve("source");
        FolderReaderTest.writeImage(source, "dog/n0001.png", 20, 10);
        FolderReaderTest.writeBoxFile(source, "dog/n0001.xml", "n02084071");
        FolderReaderTest.writeImage(source, "dog/n0002.png", 20, 10);
        FolderReaderTest.writeBoxFile(source, "dog/n0002.xml", "dog");
        FolderReaderTest.writeImage(source, "cat/c1.png", 20, 10);
        Dataset dataset = read(source);
        Path out = folder.resolve("out");

        write(dataset, out);

        assertEquals(dataset.samples(), read(out).samples());
    }

    @Test
    void cifarRecordsBecomeClassFolders() throws Exception {
        Dataset cifar = new CifarReader().read(SharedData.regressionCase("CV-03"), ReadOptions.defaults(), ProgressListener.NONE);
        Path out = folder.resolve("out");

        write(cifar, out);
        Dataset copy = read(out);

        assertEquals(10, copy.categories().size());
        Sample cat = copy.samples().stream().filter(sample -> sample.id().equals("cat/3")).findFirst().orElseThrow();
        assertEquals(List.of(3), cat.labels());
        DatasetImages images = new DatasetImages();
        assertArrayEquals(images.load(cifar, cifar.samples().get(3)).pixels(), images.load(copy, cat).pixels());
    }

    @Test
    void detectionSampleGoesToLargestObjectClass() throws Exception {
        Dataset voc = new VocReader().read(SharedData.fixture("voc/icevision_voc2012"), ReadOptions.defaults(), ProgressListener.NONE);

        WriteReport report = write(voc, folder.resolve("out"));

        // 2007_000063: the chair's box (354 x 375) is larger than the dog's (257 x 161).
        // 2011_003353 has one object, a person.
        assertEquals(2, report.written());
        assertTrue(Files.isRegularFile(folder.resolve("out/chair/2007_000063.jpg")));
        assertTrue(Files.isRegularFile(folder.resolve("out/person/2011_003353.jpg")));
    }

    @Test
    void sampleWithoutLabelOrObjectIsSkipped() throws Exception {
        FolderReaderTest.writeImage(folder, "a.png", 4, 4);
        Dataset dataset = new Dataset(DatasetFormat.COCO, folder, List.of(new Category(0, "thing")),
                List.of(new Sample("a", new ImageRef.File("a.png"), 4, 4, List.of(), List.of())), List.of());

        WriteReport report = write(dataset, folder.resolve("out"));

        assertEquals(0, report.written());
        assertEquals("has no label and no object; an image folder sample needs a class", report.skipped().get(0).reason());
    }

    @Test
    void unsafeNamesStayInsideOutput() throws Exception {
        FolderReaderTest.writeImage(folder, "a.png", 4, 4);
        Dataset dataset = new Dataset(DatasetFormat.COCO, folder, List.of(new Category(0, "../up"), new Category(1, "tv/monitor")),
                List.of(new Sample("../../evil", new ImageRef.File("a.png"), 4, 4, List.of(1), List.of())), List.of());
        Path out = folder.resolve("out");

        write(dataset, out);

        assertTrue(Files.isDirectory(out.resolve("_._up")));
        assertTrue(Files.isRegularFile(out.resolve("tv_monitor/evil.png")));
    }

    @Test
    void emptyCategoryGetsFolder() throws Exception {
        Dataset dataset = new Dataset(DatasetFormat.CIFAR10, folder, List.of(new Category(0, "airplane")), List.of(), List.of());
        Path out = folder.resolve("out");

        write(dataset, out);

        assertTrue(Files.isDirectory(out.resolve("airplane")));
    }
}
