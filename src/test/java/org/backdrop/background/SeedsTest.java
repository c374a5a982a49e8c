package org.backdrop.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void splitMixMatchesReferenceSequence() {
        SplitMix64 random = new SplitMix64(1234567);

        long[] drawn = new long[5];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = random.nextLong();
        }

        // SplitMix64 (Steele, Lea and Flood 2014) seeded with 1234567, from a separate Python implementation.
        long[] expected = {
            Long.parseUnsignedLong("6457827717110365317"), Long.parseUnsignedLong("3203168211198807973"),
            Long.parseUnsignedLong("9817491932198370423"), Long.parseUnsignedLong("4593380528125082431"),
            Long.parseUnsignedLong("16408922859458223821")};
        assertArrayEquals(expected, drawn);
    }

    @Test
    void deriveDependsOnEveryInput() {
        long base = Seeds.derive(42, "img_1", "noise-bw");

        assertEquals(base, Seeds.derive(42, "img_1", "noise-bw"));
        assertNotEquals(base, Seeds.derive(43, "img_1", "noise-bw"));
        assertNotEquals(base, Seeds.derive(42, "img_2", "noise-bw"));
        assertNotEquals(base, Seeds.derive(42, "img_1", "noise-uniform"));
    }

    @Test
    void separatorKeepsIdAndVariantApart() {
        assertNotEquals(Seeds.derive(1, "a", "bc"), Seeds.derive(1, "ab", "c"));
    }

    @Test
    void nextIntStaysInBound() {
        SplitMix64 random = new SplitMix64(9);
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            counts[random.nextInt(3)]++;
        }

        // 3,000 draws on 3 values: 1,000 each, standard deviation 25.8; 5 deviations is 129.
        for (int count : counts) {
            assertEquals(1000, count, 129);
        }
    }
}
