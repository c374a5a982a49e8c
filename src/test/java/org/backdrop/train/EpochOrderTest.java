package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.backdrop.dataset.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochOrderTest {

    @TempDir
    static Path temp;

    private static LabelledImages four;
    private static LabelledImages six;

    @BeforeAll
    static void readData() throws Exception {
        Dataset small = TrainingData.generated(temp.resolve("small"), 3);
        ClassNames classes = ClassNames.union(List.of(small));
        six = LabelledImages.of("six", small, classes, 32);
        Dataset fewer = TrainingData.generated(temp.resolve("fewer"), 2);
        four = LabelledImages.of("four", fewer, classes, 32);
    }

    @Test
    void sameSeedSameOrder() {
        EpochOrder first = EpochOrder.shuffled(List.of(four, six), shares(), 11, 2);
        EpochOrder again = EpochOrder.shuffled(List.of(four, six), shares(), 11, 2);

        assertArrayEquals(first.sources(), again.sources());
        assertArrayEquals(first.items(), again.items());
    }

    @Test
    void nextEpochNewOrder() {
        EpochOrder first = EpochOrder.shuffled(List.of(four, six), shares(), 11, 1);
        EpochOrder second = EpochOrder.shuffled(List.of(four, six), shares(), 11, 2);

        assertFalse(Arrays.equals(first.items(), second.items()) && Arrays.equals(first.sources(), second.sources()));
    }

    @Test
    void weightOneDrawsEachOnce() {
        EpochOrder order = EpochOrder.shuffled(List.of(four, six), shares(), 5, 1);

        int[] counts = countsOf(order, 0, four.count());
        assertArrayEquals(new int[] {1, 1, 1, 1}, counts);
    }

    @Test
    void countRepeatsEvenly() {
        // 4 + 15 samples: the 6-item source is drawn 15 times, so each item 2 or 3 times.
        EpochOrder order = EpochOrder.shuffled(List.of(four, six), shares(), 5, 1);

        assertEquals(19, order.size());
        int[] counts = countsOf(order, 1, six.count());
        assertEquals(15, Arrays.stream(counts).sum());
        assertTrue(Arrays.stream(counts).allMatch(count -> count == 2 || count == 3), Arrays.toString(counts));
    }

    @Test
    void halfWeightDrawsDistinct() {
        EpochOrder order = EpochOrder.shuffled(List.of(six), List.of(TrainingSource.Share.weight(0.5)), 5, 1);

        int[] counts = countsOf(order, 0, six.count());
        assertEquals(3, order.size());
        assertTrue(Arrays.stream(counts).allMatch(count -> count <= 1), Arrays.toString(counts));
    }

    private static List<TrainingSource.Share> shares() {
        return List.of(TrainingSource.Share.weight(1), TrainingSource.Share.count(15));
    }

    private static int[] countsOf(EpochOrder order, int source, int items) {
        int[] counts = new int[items];
        for (int i = 0; i < order.size(); i++) {
            if (order.sources()[i] == source) {
                counts[order.items()[i]]++;
            }
        }
        return counts;
    }
}
