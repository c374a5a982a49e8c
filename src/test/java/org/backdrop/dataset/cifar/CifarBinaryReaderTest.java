package org.backdrop.dataset.cifar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {

    private final CifarBinaryReader reader = new CifarBinaryReader();

    @TempDir
    Path folder;

    private Dataset read(Path root) throws DatasetException {
        return reader.read(root, ReadOptions.defaults(), ProgressListener.NONE);
    }

    @Test
    void recordsFollowFileOrder() throws Exception {
        Path root = SharedData.regressionCase("CV-03");
        JsonNode expected = new ObjectMapper().readTree(root.resolve("expected.json").toFile()).get("records_in_order");

        List<Sample> samples = read(root).samples();

        assertEquals(expected.size(), samples.size());
        for (JsonNode record : expected) {
            int global = record.get("global_index").asInt();
            Sample sample = samples.get(global);
            assertEquals(Integer.toString(global), sample.id());
            assertEquals(new ImageRef.CifarRecord(record.get("file").asText(), record.get("index_in_file").asInt()), sample.image());
            assertEquals(List.of(record.get("label").asInt()), sample.labels());
        }
    }

    @Test
    void labelNamesComeFromMetaText() throws Exception {
        Path root = SharedData.regressionCase("CV-03");
        JsonNode expected = new ObjectMapper().readTree(root.resolve("expected.json").toFile()).get("records_in_order");

        Dataset dataset = read(root);

        for (JsonNode record : expected) {
            assertEquals(record.get("label_name").asText(), dataset.category(record.get("label").asInt()).orElseThrow().name());
        }
    }

    @Test
    void damagedFileIsOneInvalidEntry() throws Exception {
        Dataset dataset = read(SharedData.regressionCase("CV-03"));

        assertEquals(1, dataset.invalid().size());
        InvalidSample invalid = dataset.invalid().get(0);
        assertEquals("data_batch_bad.bin", invalid.file());
        assertTrue(invalid.reason().contains("6246 bytes is not a multiple of the 3073-byte"), invalid.reason());
        assertTrue(invalid.reason().contains("2 whole records and 100 stray bytes"), invalid.reason());
    }

    @Test
    void damagedFileYieldsNoRecord() throws Exception {
        Dataset dataset = read(SharedData.regressionCase("CV-03"));

        for (Sample sample : dataset.samples()) {
            assertFalse(sample.image().describe().startsWith("data_batch_bad.bin"), sample.image().describe());
        }
    }

    @Test
    void fixtureLabelsMatchCsv() throws Exception {
        Path csv = SharedData.fixture("cifar10/test_images_jpg_labels.csv");
        List<String> rows = Files.readAllLines(csv).subList(1, 301);

        Dataset dataset = read(SharedData.fixture("cifar10/cifar-10-batches-bin"));

        assertEquals(300, dataset.samples().size());
        for (int i = 0; i < rows.size(); i++) {
            String[] columns = rows.get(i).split(",");
            Sample sample = dataset.samples().get(i);
            assertEquals(List.of(Integer.parseInt(columns[1])), sample.labels(), "record " + i);
            assertEquals(columns[2], dataset.category(sample.labels().get(0)).orElseThrow().name(), "record " + i);
        }
    }

    @Test
    void missingMetaUsesStandardNames() throws Exception {
        CifarTestData.writeBinaryBatch(folder, "data_batch_1.bin", 9);

        Dataset dataset = read(folder);

        assertEquals(10, dataset.categories().size());
        assertEquals(new Category(0, "airplane"), dataset.categories().get(0));
        assertEquals(new Category(9, "truck"), dataset.categories().get(9));
    }

    @Test
    void batchesOrderedByNumberThenTest() throws Exception {
        CifarTestData.writeBinaryBatch(folder, "test_batch.bin", 3);
        CifarTestData.writeBinaryBatch(folder, "data_batch_10.bin", 2);
        CifarTestData.writeBinaryBatch(folder, "data_batch_2.bin", 1);

        List<Sample> samples = read(folder).samples();

        assertEquals("data_batch_2.bin#0", samples.get(0).image().describe());
        assertEquals("data_batch_10.bin#0", samples.get(1).image().describe());
        assertEquals("test_batch.bin#0", samples.get(2).image().describe());
    }

    @Test
    void labelOutsideCategoriesIsInvalidRecord() throws Exception {
        CifarTestData.writeBinaryBatch(folder, "data_batch_1.bin", 4, 10, 5);

        Dataset dataset = read(folder);

        assertEquals(2, dataset.samples().size());
        assertEquals(List.of(new InvalidSample("data_batch_1.bin#1",
                "label 10 is not one of the dataset's 10 class ids 0 to 9; check the batch and its meta file")), dataset.invalid());
    }

    @Test
    void invalidRecordKeepsLaterGlobalIds() throws Exception {
        CifarTestData.writeBinaryBatch(folder, "data_batch_1.bin", 4, 10, 5);

        Sample last = read(folder).samples().get(1);

        assertEquals("2", last.id());
        assertEquals(new ImageRef.CifarRecord("data_batch_1.bin", 2), last.image());
    }

    @Test
    void folderWithoutBatchesThrows() throws IOException {
        Files.writeString(folder.resolve("readme.txt"), "no batches");

        DatasetException error = assertThrows(DatasetException.class, () -> read(folder));

        assertTrue(error.getMessage().contains("no CIFAR-10 binary batch"), error.getMessage());
    }

    @Test
    void recognizesBinaryBatchFolder() throws Exception {
        assertTrue(reader.recognizes(SharedData.fixture("cifar10/cifar-10-batches-bin")));
        assertFalse(reader.recognizes(SharedData.fixture("cifar10/cifar-10-batches-py")));
    }
}
