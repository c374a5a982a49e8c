package org.backdrop.train;

import java.util.Objects;
import org.backdrop.dataset.Dataset;

/**
 * A dataset in the training mix and how many of its samples each epoch draws.
 *
 * @param name the name used in logs and metrics (usually the path as the user gave it)
 * @param dataset the dataset; samples without an image-level label are skipped
 * @param share how many samples per epoch
 */
public record TrainingSource(String name, Dataset dataset, Share share) {

    public TrainingSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(share, "share");
    }

    /** Creates a source that draws every sample once per epoch. */
    public static TrainingSource of(String name, Dataset dataset) {
        return new TrainingSource(name, dataset, Share.weight(1));
    }

    /**
     * How many samples of a source one epoch draws: a weight (a multiple of the source's labelled
     * samples, rounded to the nearest whole sample) or a fixed count. A draw larger than the source
     * repeats samples; every sample is drawn once before any is drawn again.
     *
     * @param weight the multiple, used when {@code count} is negative
     * @param count the number of samples, or -1 for a weight
     */
    public record Share(double weight, long count) {

        public Share {
            if (count < 0 && !(weight >= 0 && Double.isFinite(weight))) {
                throw new IllegalArgumentException("dataset weight must be a finite number of at least 0, got " + weight);
            }
        }

        /** Creates a share of {@code weight} times the source's size per epoch. */
        public static Share weight(double weight) {
            return new Share(weight, -1);
        }

        /** Creates a share of exactly {@code count} samples per epoch. */
        public static Share count(long count) {
            if (count < 0) {
                throw new IllegalArgumentException("sample count must be at least 0, got " + count);
            }
            return new Share(1, count);
        }

        /** Returns the number of samples per epoch for a source with {@code size} labelled samples. */
        public long samplesPerEpoch(int size) {
            if (size == 0) {
                return 0;
            }
            return count >= 0 ? count : Math.round(weight * size);
        }
    }
}
