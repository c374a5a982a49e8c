package org.backdrop.dataset.cifar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
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
import org.backdrop.testing.SharedData;
import org.backdrop.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarWriterTest {

    private final CifarWriter writer = new CifarWriter();

    @TempDir
    Path folder;

    private static Dataset read(Path root) throws DatasetException {
        return new CifarReader().read(root, ReadOptions.defaults(), ProgressListener.NONE);
    }

    private WriteReport write(Dataset dataset, Path out) throws DatasetException {
        return writer.writeWithReport(dataset, new DatasetImages(), out, ProgressListener.NONE);
    }

    @Test
    void roundTripGivesEqualSamples() throws Exception {
        Dataset source = read(SharedData.regressionCase("CV-03"));
        Path out = folder.resolve("out");

        write(source, out);
        Dataset copy = read(out);

        assertEquals(source.samples(), copy.samples());
        assertEquals(source.categories(), copy.categories());
        assertEquals(List.of(), copy.invalid());
    }

    @Test
    void roundTripKeepsBatchBytes() throws Exception {
        Path root = SharedData.regressionCase("CV-03");
        Path out = folder.resolve("out");

        write(read(root), out);

        assertEquals(-1, Files.mismatch(root.resolve("data_batch_1.bin"), out.resolve("data_batch_1.bin")));
        assertEquals(-1, Files.mismatch(root.resolve("data_batch_2.bin"), out.resolve("data_batch_2.bin")));
    }

    @Test
    void pythonBatchBecomesIdenticalBinaryBatch() throws Exception {
        Path out = folder.resolve("out");

        WriteReport report = write(read(SharedData.fixture("cifar10/cifar-10-batches-py")), out);

        assertEquals(300, report.written());
        assertEquals(-1, Files.mismatch(SharedData.fixture("cifar10/cifar-10-batches-bin/test_batch.bin"), out.resolve("test_batch.bin")));
    }

    @Test
    void trainAndTestStayInSeparateFiles() throws Exception {
        Path source = Files.createDirectory(folder.resolve("source"));
        CifarTestData.writeBinaryBatch(source, "data_batch_1.bin", 1, 2, 3);
        CifarTestData.writeBinaryBatch(source, "test_batch.bin", 4, 5);
        Path out = folder.resolve("out");

        write(read(source), out);

        assertEquals(3 * 3073, Files.size(out.resolve("data_batch_1.bin")));
        assertEquals(2 * 3073, Files.size(out.resolve("test_batch.bin")));
    }

    @Test
    void metaTextListsNamesById() throws Exception {
        Dataset dataset = new Dataset(DatasetFormat.CIFAR10, folder, List.of(new Category(0, "cat"), new Category(2, "dog")), List.of(), List.of());
        Path out = folder.resolve("out");

        write(dataset, out);

        assertEquals(List.of("cat", "", "dog"), Files.readAllLines(out.resolve("batches.meta.txt")));
    }

    @Test
    void imageNotThirtyTwoSquareIsSkipped() throws Exception {
        TestImages.writePng(folder.resolve("wide.png"), 33, 32);
        TestImages.writePng(folder.resolve("square.png"), 32, 32);
        Dataset dataset = new Dataset(DatasetFormat.FOLDER, folder, List.of(new Category(0, "cat")), List.of(
                new Sample("wide", new ImageRef.File("wide.png"), 33, 32, List.of(0), List.of()),
                new Sample("square", new ImageRef.File("square.png"), 32, 32, List.of(0), List.of())), List.of());

        WriteReport report = write(dataset, folder.resolve("out"));

        assertEquals(1, report.written());
        assertEquals(1, report.skipped().size());
        assertEquals("wide.png", report.skipped().get(0).file());
        assertTrue(report.skipped().get(0).reason().contains("image is 33x32; CIFAR-10 records are 32x32 RGB"), report.skipped().get(0).reason());
    }

    @Test
    void samplesFromFilesGoToDataBatchOne() throws Exception {
        TestImages.writePng(folder.resolve("square.png"), 32, 32);
        Dataset dataset = new Dataset(DatasetFormat.FOLDER, folder, List.of(new Category(0, "cat")),
                List.of(new Sample("square", new ImageRef.File("square.png"), 32, 32, List.of(0), List.of())), List.of());
        Path out = folder.resolve("out");

        write(dataset, out);

        assertEquals(3073, Files.size(out.resolve("data_batch_1.bin")));
    }

    @Test
    void cancelledWriteLeavesNoFile() throws Exception {
        Dataset source = read(SharedData.regressionCase("CV-03"));
        Path out = Files.createDirectory(folder.resolve("out"));
        ProgressListener cancelAfterTwo = new ProgressListener() {
            private int calls;

            @Override
            public void progress(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
                return ++calls > 2;
            }
        };

        assertThrows(CancellationException.class, () -> writer.writeWithReport(source, new DatasetImages(), out, cancelAfterTwo));

        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void categoryIdAboveByteThrows() {
        Dataset dataset = new Dataset(DatasetFormat.COCO, folder, List.of(new Category(256, "kite")), List.of(), List.of());

        DatasetException error = assertThrows(DatasetException.class, () -> write(dataset, folder.resolve("out")));

        assertTrue(error.getMessage().contains("'kite' has id 256"), error.getMessage());
    }
}
