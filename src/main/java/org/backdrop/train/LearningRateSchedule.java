package org.backdrop.train;

import java.util.Locale;

/**
 * The learning rate at each optimizer step, a function of the step alone, so a resumed run continues
 * the schedule exactly.
 *
 * @param kind step or cosine
 * @param baseRate the learning rate of the first step
 * @param epochs the number of epochs of the whole run
 * @param stepsPerEpoch the number of batches per epoch, at least 1
 */
public record LearningRateSchedule(Kind kind, float baseRate, int epochs, int stepsPerEpoch) {

    /** The shape of the schedule. */
    public enum Kind {
        /** The base rate divided by 10 after half of the epochs and again after three quarters, as He et al. (2016) did for CIFAR-10. */
        STEP,
        /** Cosine annealing from the base rate to 0 over all steps of the run, updated every step (Loshchilov and Hutter 2017, without restarts). */
        COSINE;

        /** Returns the kind with this command-line name ({@code step} or {@code cosine}). */
        public static Kind fromCliName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public LearningRateSchedule {
        if (!(baseRate > 0) || epochs < 1 || stepsPerEpoch < 1) {
            throw new IllegalArgumentException("learning rate schedule needs a rate above 0, at least 1 epoch and 1 step per epoch");
        }
    }

    /** Returns the learning rate of optimizer step {@code step}, counted from 0 over the whole run. */
    public float rate(long step) {
        return switch (kind) {
            case STEP -> {
                long epoch = step / stepsPerEpoch;
                float rate = baseRate;
                if (epoch >= epochs / 2) {
                    rate *= 0.1f;
                }
                if (epoch >= epochs * 3 / 4) {
                    rate *= 0.1f;
                }
                yield rate;
            }
            case COSINE -> {
                double progress = Math.min(1.0, (double) step / ((long) epochs * stepsPerEpoch));
                yield (float) (baseRate * 0.5 * (1 + Math.cos(Math.PI * progress)));
            }
        };
    }
}
