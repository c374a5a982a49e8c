package org.backdrop.background;

/**
 * The SplitMix64 generator, written out here so that its output is fixed by this code and not by
 * the JDK: {@code java.util.SplittableRandom} does not promise the same sequence across Java
 * releases, and {@code Math.log} and {@code Math.cos} may differ by platform, so Gaussian draws use
 * {@link StrictMath}.
 *
 * <p>Not thread-safe: each sample gets its own instance from {@link Seeds#random}.
 */
public final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** Creates a generator whose first output is {@code mix64(seed + 0x9e3779b97f4a7c15)}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** Returns the next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return Seeds.mix64(state);
    }

    /**
     * Returns a uniform integer in {@code [0, bound)}, without modulo bias (draws that fall in the
     * incomplete last block are rejected, as {@code java.util.Random#nextInt(int)} does).
     *
     * @throws IllegalArgumentException if {@code bound < 1}
     */
    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, got " + bound);
        }
        long bits;
        long value;
        do {
            bits = nextLong() >>> 1;
            value = bits % bound;
        } while (bits - value + (bound - 1) < 0);
        return (int) value;
    }

    /** Returns a uniform double in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /**
     * Returns a standard normal draw (mean 0, standard deviation 1) from the Box-Muller transform,
     * {@code sqrt(-2 ln u1) * cos(2 pi u2)} with {@code u1} in {@code (0, 1]}; two uniform draws per call.
     */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }
}
