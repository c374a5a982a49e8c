package org.backdrop.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.backdrop.ProgressListener;
import org.backdrop.image.RgbImage;
import org.junit.jupiter.api.Test;

class OtherSampleBackgroundTest {

    /** Twelve 4x4 samples, classes 0, 1 and 2 in turn, each with a 2x2 object in the middle. */
    private static final InMemoryPool THREE_CLASSES = threeClasses();

    @Test
    void sameClassDonorSharesLabel() {
        for (int i = 0; i < THREE_CLASSES.size(); i++) {
            int donor = donor("bg-same-class", i);
            assertEquals(THREE_CLASSES.label(i), THREE_CLASSES.label(donor), "sample " + i);
            assertNotEquals(i, donor);
        }
    }

    @Test
    void otherClassDonorHasOtherLabel() {
        for (int i = 0; i < THREE_CLASSES.size(); i++) {
            assertNotEquals(THREE_CLASSES.label(i), THREE_CLASSES.label(donor("bg-other-class", i)), "sample " + i);
        }
    }

    @Test
    void nextClassWrapsAfterLargestLabel() {
        for (int i = 0; i < THREE_CLASSES.size(); i++) {
            int expected = (THREE_CLASSES.label(i) + 1) % 3;
            assertEquals(expected, THREE_CLASSES.label(donor("bg-next-class", i)), "sample " + i);
        }
    }

    @Test
    void randomDonorIsNeverSelf() {
        OtherSampleBackground background = prepared("bg-random", THREE_CLASSES);
        Set<Integer> donors = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            int donor = background.chooseDonor(THREE_CLASSES.request(0, seed, "bg-random"));
            assertNotEquals(0, donor);
            donors.add(donor);
        }

        // 50 draws over 11 donors miss a given one with probability (10/11)^50 = 0.9%; at least 9 must appear.
        assertTrue(donors.size() >= 9, donors.toString());
    }

    @Test
    void mixedRandDrawsOwnClassToo() {
        OtherSampleBackground background = prepared("mixed-rand", THREE_CLASSES);
        Set<Integer> labels = new HashSet<>();
        for (long seed = 0; seed < 60; seed++) {
            labels.add(THREE_CLASSES.label(background.chooseDonor(THREE_CLASSES.request(0, seed, "mixed-rand"))));
        }

        assertEquals(Set.of(0, 1, 2), labels);
    }

    @Test
    void mixedRandSkipsOwnClassWithoutOthers() {
        InMemoryPool pool = new InMemoryPool()
                .add("a", 0, TestImages.solid(4, 4, 1, 1, 1), new byte[16])
                .add("b", 1, TestImages.solid(4, 4, 2, 2, 2), new byte[16])
                .add("c", 2, TestImages.solid(4, 4, 3, 3, 3), new byte[16]);
        OtherSampleBackground background = prepared("mixed-rand", pool);

        Set<Integer> donors = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            donors.add(background.chooseDonor(pool.request(0, seed, "mixed-rand")));
        }

        assertEquals(Set.of(1, 2), donors);
    }

    @Test
    void lonelySampleHasNoSameClassDonor() {
        InMemoryPool pool = new InMemoryPool()
                .add("a", 0, TestImages.solid(4, 4, 1, 1, 1), new byte[16])
                .add("b", 1, TestImages.solid(4, 4, 2, 2, 2), new byte[16]);
        Background sameClass = Backgrounds.parse("bg-same-class").prepare(pool, ProgressListener.NONE);

        assertThrows(BackgroundUnavailableException.class, () -> sameClass.render(pool.request(0, 1, "bg-same-class")));
    }

    @Test
    void mixedNextPastesObjectOnTiledDonor() {
        // Sample a (class 0) has a one-pixel object at (0, 0), and b is its only next-class donor.
        // The donor's box covers columns 1..2 and rows 1..2 of 6x4, so it tiles from the right strip.
        RgbImage donorImage = TestImages.coordinates(6, 4);
        InMemoryPool pool = new InMemoryPool()
                .add("a", 0, TestImages.solid(6, 4, 250, 250, 250), TestImages.rectangle(6, 4, 0, 0, 1, 1))
                .add("b", 1, donorImage, TestImages.rectangle(6, 4, 1, 1, 2, 2));
        Background mixedNext = Backgrounds.parse("mixed-next").prepare(pool, ProgressListener.NONE);

        RgbImage out = mixedNext.compose(pool.request(0, 1, "mixed-next"), Compositor.HARD);

        assertArrayEquals(new int[] {250, 250, 250}, out.rgb(0, 0));
        assertArrayEquals(donorImage.rgb(4, 1), out.rgb(1, 1));
        assertArrayEquals(donorImage.rgb(5, 2), out.rgb(2, 2));
        assertArrayEquals(donorImage.rgb(5, 3), out.rgb(5, 3));
    }

    @Test
    void inpaintingFillsHoleFromUniformSurround() {
        RgbImage donorImage = TestImages.solid(8, 8, 50, 60, 70);
        byte[] donorMask = TestImages.rectangle(8, 8, 3, 3, 2, 2);
        paint(donorImage, donorMask, 255, 0, 0);
        InMemoryPool pool = new InMemoryPool()
                .add("a", 0, TestImages.solid(8, 8, 0, 0, 0), new byte[64])
                .add("b", 0, donorImage, donorMask);
        Background random = Backgrounds.parse("bg-random=inpaint").prepare(pool, ProgressListener.NONE);

        RgbImage out = random.render(pool.request(0, 1, "bg-random"));

        // Telea's fill is a weighted mean of known neighbours, which are all (50, 60, 70).
        assertArrayEquals(new int[] {50, 60, 70}, out.rgb(3, 3));
        assertArrayEquals(new int[] {50, 60, 70}, out.rgb(4, 4));
    }

    @Test
    void donorOfOtherSizeIsCoverCropped() {
        InMemoryPool pool = new InMemoryPool()
                .add("a", 0, TestImages.solid(4, 4, 0, 0, 0), new byte[16])
                .add("b", 0, TestImages.solid(8, 4, 9, 9, 9), new byte[32]);
        Background random = Backgrounds.parse("bg-random").prepare(pool, ProgressListener.NONE);

        RgbImage out = random.render(pool.request(0, 1, "bg-random"));

        assertEquals(4, out.width());
        assertEquals(4, out.height());
        assertArrayEquals(new int[] {9, 9, 9}, out.rgb(3, 3));
    }

    @Test
    void unpreparedBackgroundIsRejected() {
        Background random = Backgrounds.parse("bg-random");

        assertThrows(IllegalStateException.class, () -> random.render(THREE_CLASSES.request(0, 1, "bg-random")));
    }

    @Test
    void requestFromOtherPoolIsRejected() {
        Background random = Backgrounds.parse("bg-random").prepare(THREE_CLASSES, ProgressListener.NONE);

        assertThrows(IllegalArgumentException.class, () -> random.render(threeClasses().request(0, 1, "bg-random")));
    }

    private static int donor(String name, int index) {
        return prepared(name, THREE_CLASSES).chooseDonor(THREE_CLASSES.request(index, 11, name));
    }

    private static OtherSampleBackground prepared(String name, SamplePool pool) {
        return (OtherSampleBackground) Backgrounds.parse(name).prepare(pool, ProgressListener.NONE);
    }

    private static InMemoryPool threeClasses() {
        InMemoryPool pool = new InMemoryPool();
        for (int i = 0; i < 12; i++) {
            pool.add("s" + i, i % 3, TestImages.solid(4, 4, i, 0, 0), TestImages.rectangle(4, 4, 1, 1, 2, 2));
        }
        return pool;
    }

    private static void paint(RgbImage image, byte[] mask, int red, int green, int blue) {
        for (int pixel = 0; pixel < mask.length; pixel++) {
            if (mask[pixel] != 0) {
                image.pixels()[pixel * 3] = (byte) red;
                image.pixels()[pixel * 3 + 1] = (byte) green;
                image.pixels()[pixel * 3 + 2] = (byte) blue;
            }
        }
    }
}
