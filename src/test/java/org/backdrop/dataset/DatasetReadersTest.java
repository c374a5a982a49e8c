package org.backdrop.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backdrop.testing.SharedData;
import org.backdrop.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReadersTest {

    @Test
    void detectsCifarBinary() throws Exception {
        assertEquals(DatasetFormat.CIFAR10, DatasetReaders.detect(SharedData.fixture("cifar10/cifar-10-batches-bin")).format());
    }

    @Test
    void detectsCifarPython() throws Exception {
        assertEquals(DatasetFormat.CIFAR10, DatasetReaders.detect(SharedData.fixture("cifar10/cifar-10-batches-py")).format());
    }

    @Test
    void detectsVoc() throws Exception {
        assertEquals(DatasetFormat.VOC, DatasetReaders.detect(SharedData.fixture("voc/icevision_voc2012")).format());
        assertEquals(DatasetFormat.VOC, DatasetReaders.detect(SharedData.fixture("voc/labelme_voc_export/instance_segmentation")).format());
    }

    @Test
    void detectsImageFolder() throws Exception {
        assertEquals(DatasetFormat.FOLDER, DatasetReaders.detect(SharedData.fixture("cifar10/test_images_jpg")).format());
    }

    @Test
    void unknownLayoutNamesExpectations(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("notes.txt"), "nothing here");

        DatasetException error = assertThrows(DatasetException.class, () -> DatasetReaders.detect(root));

        assertTrue(error.getMessage().startsWith("no dataset layout recognised at " + root), error.getMessage());
    }

    @Test
    void twoLayoutsNameBoth(@TempDir Path root) throws Exception {
        Files.write(root.resolve("data_batch_1.bin"), new byte[3073]);
        TestImages.writePng(root.resolve("dog/a.png"), 4, 4);
        Files.createDirectories(root.resolve("Annotations"));

        DatasetException error = assertThrows(DatasetException.class, () -> DatasetReaders.detect(root));

        assertTrue(error.getMessage().contains("matches several dataset layouts (cifar10, voc)"), error.getMessage());
    }

    @Test
    void forFormatGivesMatchingReader() throws Exception {
        for (DatasetFormat format : new DatasetFormat[] {DatasetFormat.CIFAR10, DatasetFormat.VOC, DatasetFormat.FOLDER}) {
            assertEquals(format, DatasetReaders.forFormat(format).format());
            assertEquals(format, DatasetWriters.forFormat(format).format());
        }
    }
}
