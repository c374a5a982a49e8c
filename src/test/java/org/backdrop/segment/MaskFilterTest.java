package org.backdrop.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskFilterTest {

    /** A 32x32 mask with its first 150 pixels in column-major order set, as the run counts state directly. */
    private static final Rle OBJECT_150 = new Rle(32, 32, new int[] {0, 150, 1024 - 150});
    private static final Rle OBJECT_149 = new Rle(32, 32, new int[] {0, 149, 1024 - 149});

    @Test
    void minimumObjectPixelsIsInclusive() {
        MaskFilter filter = new MaskFilter(150, 0, Optional.empty());

        assertEquals(Optional.empty(), filter.rejectionReason(OBJECT_150));
        assertTrue(filter.rejectionReason(OBJECT_149).isPresent());
    }

    @Test
    void minimumFractionRejectsSmallObjects() {
        // 150 of 1024 pixels is 0.1465.
        assertTrue(new MaskFilter(0, 0.15, Optional.empty()).rejectionReason(OBJECT_150).isPresent());
        assertEquals(Optional.empty(), new MaskFilter(0, 0.14, Optional.empty()).rejectionReason(OBJECT_150));
    }

    @Test
    void curatedListAdmitsOnlyListedIds(@TempDir Path folder) throws Exception {
        Path list = folder.resolve("curated.txt");
        Files.writeString(list, "# accepted by hand\n 12 \n\n40\n");

        MaskFilter filter = MaskFilter.none().withCuratedList(list);

        assertEquals(Optional.of(Set.of("12", "40")), filter.curatedIds());
        assertTrue(filter.admits(sample("12")));
        assertFalse(filter.admits(sample("13")));
    }

    private static Sample sample(String id) {
        return new Sample(id, new ImageRef.CifarRecord("data_batch_1.bin", 0), 32, 32, List.of(0), List.of());
    }
}
