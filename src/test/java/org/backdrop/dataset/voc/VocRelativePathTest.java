package org.backdrop.dataset.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/** A VOC folder named by a relative path, as in {@code backdrop augment --in ../voc}, reads like the absolute one. */
class VocRelativePathTest {

    @Test
    void relativeFolderReadsTheSameSamples() throws Exception {
        Path absolute = SharedData.fixture("voc/icevision_voc2012");
        Path relative = Path.of("").toAbsolutePath().relativize(absolute);

        Dataset fromRelative = new VocReader().read(relative, ReadOptions.defaults(), ProgressListener.NONE);
        Dataset fromAbsolute = new VocReader().read(absolute, ReadOptions.defaults(), ProgressListener.NONE);

        assertEquals(fromAbsolute.samples().size(), fromRelative.samples().size());
        assertEquals(fromAbsolute.samples().get(0).image().describe(), fromRelative.samples().get(0).image().describe());
    }
}
