package org.backdrop.train;

/** Derives independent seeds from the run's seed with the SplitMix64 finaliser (Steele et al. 2014). */
final class Seeds {

    private Seeds() {}

    /** Returns a seed for the stream identified by {@code keys} (for example epoch and position). */
    static long derive(long seed, long... keys) {
        long state = mix(seed);
        for (long key : keys) {
            state = mix(state ^ mix(key + 0x9E3779B97F4A7C15L));
        }
        return state;
    }

    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
