package org.backdrop.background;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;

/**
 * The samples of a pool grouped by class label: labels in ascending order, and each class's sample
 * indices in ascending order. Immutable once built.
 */
final class ClassIndex {

    private final int size;
    private final int[] labels;
    private final int[][] members;

    private ClassIndex(int size, int[] labels, int[][] members) {
        this.size = size;
        this.labels = labels;
        this.members = members;
    }

    /** Reads every sample's label once. */
    static ClassIndex of(SamplePool pool, ProgressListener progress) {
        TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
        int size = pool.size();
        for (int index = 0; index < size; index++) {
            if (index % 1024 == 0) {
                if (progress.isCancelled()) {
                    throw new CancellationException("indexing classes was cancelled");
                }
                progress.progress(index, size, "Indexing classes");
            }
            byLabel.computeIfAbsent(pool.label(index), label -> new ArrayList<>()).add(index);
        }
        progress.progress(size, size, "Indexing classes");

        int[] labels = new int[byLabel.size()];
        int[][] members = new int[byLabel.size()][];
        int position = 0;
        for (var entry : byLabel.entrySet()) {
            labels[position] = entry.getKey();
            members[position] = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            position++;
        }
        return new ClassIndex(size, labels, members);
    }

    int size() {
        return size;
    }

    int classCount() {
        return labels.length;
    }

    int label(int classPosition) {
        return labels[classPosition];
    }

    /** Returns the position of {@code label} among the sorted labels, or a negative number when absent. */
    int classPosition(int label) {
        return Arrays.binarySearch(labels, label);
    }

    /** Returns the sample indices of the class at {@code classPosition}; callers must not change them. */
    int[] members(int classPosition) {
        return members[classPosition];
    }

    /** Returns the sample indices of {@code label}, empty when no sample has it. */
    int[] membersOf(int label) {
        int position = classPosition(label);
        return position < 0 ? new int[0] : members[position];
    }
}
