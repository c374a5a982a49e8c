package org.backdrop.train;

import java.util.List;
import java.util.Random;

/**
 * The items one epoch trains on, in order: each source contributes its share (whole shuffled passes
 * over its items, then part of one more), and the concatenation is shuffled. The order depends only on
 * the seed, the epoch and the sources, so a resumed run sees the same order as an uninterrupted one.
 *
 * @param sources the source index of each position
 * @param items the item index within its source of each position
 */
record EpochOrder(int[] sources, int[] items) {

    int size() {
        return items.length;
    }

    /** Plans epoch {@code epoch} (counted from 1) of a run with this seed. */
    static EpochOrder shuffled(List<LabelledImages> sources, List<TrainingSource.Share> shares, long seed, int epoch) {
        long total = 0;
        for (int s = 0; s < sources.size(); s++) {
            total += shares.get(s).samplesPerEpoch(sources.get(s).count());
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an epoch of " + total + " samples is too large; lower the dataset weights");
        }

        int[] sourceOf = new int[(int) total];
        int[] itemOf = new int[(int) total];
        int position = 0;
        for (int s = 0; s < sources.size(); s++) {
            int count = sources.get(s).count();
            long draws = shares.get(s).samplesPerEpoch(count);
            Random random = new Random(Seeds.derive(seed, epoch, s));
            int[] pass = null;
            for (long d = 0; d < draws; d++) {
                int inPass = (int) (d % count);
                if (inPass == 0) {
                    pass = permutation(count, random);
                }
                sourceOf[position] = s;
                itemOf[position] = pass[inPass];
                position++;
            }
        }

        int[] order = permutation(sourceOf.length, new Random(Seeds.derive(seed, epoch, -1)));
        int[] sourcesInOrder = new int[order.length];
        int[] itemsInOrder = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            sourcesInOrder[i] = sourceOf[order[i]];
            itemsInOrder[i] = itemOf[order[i]];
        }
        return new EpochOrder(sourcesInOrder, itemsInOrder);
    }

    /** Lists every item of every source once, source by source, for evaluation. */
    static EpochOrder sequential(LabelledImages source) {
        int[] items = new int[source.count()];
        for (int i = 0; i < items.length; i++) {
            items[i] = i;
        }
        return new EpochOrder(new int[items.length], items);
    }

    private static int[] permutation(int size, Random random) {
        int[] values = new int[size];
        for (int i = 0; i < size; i++) {
            values[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
