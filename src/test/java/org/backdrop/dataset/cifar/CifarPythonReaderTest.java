package org.backdrop.dataset.cifar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.image.RgbImage;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarPythonReaderTest {

    private final CifarPythonReader reader = new CifarPythonReader();

    @TempDir
    Path folder;

    private Dataset read(Path root) throws DatasetException {
        return reader.read(root, ReadOptions.defaults(), ProgressListener.NONE);
    }

    @Test
    void fixtureLabelsEqualBinaryLabels() throws Exception {
        Dataset python = read(SharedData.fixture("cifar10/cifar-10-batches-py"));
        Dataset binary = new CifarBinaryReader().read(SharedData.fixture("cifar10/cifar-10-batches-bin"), ReadOptions.defaults(), ProgressListener.NONE);

        assertEquals(300, python.samples().size());
        for (int i = 0; i < 300; i++) {
            assertEquals(binary.samples().get(i).labels(), python.samples().get(i).labels(), "record " + i);
        }
    }

    @Test
    void fixturePixelsEqualBinaryPixels() throws Exception {
        Path pythonBatch = SharedData.fixture("cifar10/cifar-10-batches-py/test_batch");
        Path binaryBatch = SharedData.fixture("cifar10/cifar-10-batches-bin/test_batch.bin");
        CifarPythonBatches pythonBatches = new CifarPythonBatches(1);

        for (int i = 0; i < 300; i++) {
            assertArrayEquals(CifarBatches.readImage(binaryBatch, i).pixels(), pythonBatches.readImage(pythonBatch, i).pixels(), "record " + i);
        }
    }

    @Test
    void fixtureCategoriesComeFromMeta() throws Exception {
        Dataset dataset = read(SharedData.fixture("cifar10/cifar-10-batches-py"));

        assertEquals(CifarCategories.STANDARD_NAMES, dataset.categories().stream().map(Category::name).toList());
    }

    @Test
    void samplesReferToPickleRecords() throws Exception {
        CifarTestData.writePythonBatch(folder, "data_batch_1", 3, 4);
        Files.write(folder.resolve("batches.meta"), TinyPickle.meta(CifarCategories.STANDARD_NAMES.toArray(String[]::new)));

        Sample second = read(folder).samples().get(1);

        assertEquals(new ImageRef.CifarRecord("data_batch_1", 1), second.image());
        assertEquals(List.of(4), second.labels());
    }

    @Test
    void generatedBatchPixelsAreKnown() throws Exception {
        Path batch = CifarTestData.writePythonBatch(folder, "data_batch_1", 3, 4);

        RgbImage image = new CifarPythonBatches(1).readImage(batch, 1);

        assertArrayEquals(new int[] {7, 30, 1}, image.rgb(7, 30));
    }

    @Test
    void foreignGlobalIsRejected() throws Exception {
        Files.write(folder.resolve("batches.meta"), TinyPickle.meta("cat"));
        Files.write(folder.resolve("data_batch_1"), new TinyPickle().op(0x80).op(2)
                .global("os", "system").str("echo hello").op(0x85).op('R').op('.').toBytes());

        Dataset dataset = read(folder);

        assertEquals(1, dataset.invalid().size());
        InvalidSample invalid = dataset.invalid().get(0);
        assertEquals("data_batch_1", invalid.file());
        assertTrue(invalid.reason().contains("refers to 'os.system', which a CIFAR-10 batch never contains"), invalid.reason());
    }

    @Test
    void instOpcodeIsRejected() throws Exception {
        Path batch = Files.write(folder.resolve("data_batch_1"), "(ios\nsystem\nS'echo'\n.".getBytes(StandardCharsets.US_ASCII));

        IOException error = assertThrows(IOException.class, () -> new CifarPythonBatches(1).readImage(batch, 0));

        assertTrue(error.getMessage().contains("opcode 0x69 is not allowed"), error.getMessage());
    }

    @Test
    void oversizedByteStringIsRejected() throws Exception {
        byte[] pickle = new TinyPickle().op(0x80).op(2).op('T').int32(1_000_000_000).op('.').toBytes();
        Path batch = Files.write(folder.resolve("data_batch_1"), pickle);

        IOException error = assertThrows(IOException.class, () -> new CifarPythonBatches(1).readImage(batch, 0));

        assertTrue(error.getMessage().contains("claims 1000000000 bytes, more than the whole file"), error.getMessage());
    }

    @Test
    void batchWithoutLabelsIsInvalid() throws Exception {
        Files.write(folder.resolve("test_batch"), new TinyPickle().op(0x80).op(2).op('}').op('(')
                .str("data").uint8Array(1, 3072, new byte[3072]).op('u').op('.').toBytes());

        Dataset dataset = read(folder);

        assertEquals(List.of(new InvalidSample("test_batch",
                "has no list under the key 'labels'; it is not a CIFAR-10 python batch")), dataset.invalid());
    }

    @Test
    void recognizesPythonBatchFolder() throws Exception {
        assertTrue(reader.recognizes(SharedData.fixture("cifar10/cifar-10-batches-py")));
        assertFalse(reader.recognizes(SharedData.fixture("cifar10/cifar-10-batches-bin")));
    }
}
