package org.backdrop.dataset.cifar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {

    private final CifarReader reader = new CifarReader();

    @Test
    void parentFolderPrefersBinaryLayout() throws Exception {
        Path parent = SharedData.fixture("cifar10");

        Dataset dataset = reader.read(parent, ReadOptions.defaults(), ProgressListener.NONE);

        assertEquals(parent.resolve("cifar-10-batches-bin"), dataset.root());
        assertEquals("test_batch.bin#0", dataset.samples().get(0).image().describe());
    }

    @Test
    void pythonFolderIsReadAsPython() throws Exception {
        Dataset dataset = reader.read(SharedData.fixture("cifar10/cifar-10-batches-py"), ReadOptions.defaults(), ProgressListener.NONE);

        assertEquals("test_batch#0", dataset.samples().get(0).image().describe());
    }

    @Test
    void emptyFolderIsNotRecognized(@TempDir Path folder) {
        assertFalse(reader.recognizes(folder));
    }

    @Test
    void caseFolderIsRecognized() {
        assertTrue(reader.recognizes(SharedData.regressionCase("CV-03")));
    }
}
