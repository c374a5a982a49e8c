package org.backdrop.background;

import java.nio.charset.StandardCharsets;

/**
 * Derives the 64-bit seed of every random choice from the run seed, the sample id and the variant
 * name, so a choice never depends on thread scheduling, iteration order or partitioning.
 *
 * <p>The derivation is {@code mix64(mix64(runSeed) ^ fnv1a64(utf8(sampleId) + 0xFF + utf8(variant)))}:
 * FNV-1a over the UTF-8 bytes of the id and the name, split by the byte {@code 0xFF} (which UTF-8
 * never produces, so {@code ("a", "bc")} and {@code ("ab", "c")} differ), and the 64-bit finaliser
 * of SplitMix64 ({@link #mix64(long)}). The formula is part of the output format: changing it changes
 * every generated dataset.
 */
public final class Seeds {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final byte SEPARATOR = (byte) 0xFF;

    private Seeds() {}

    /** Returns the seed for one sample and one variant; {@code sampleId} and {@code variant} may be empty. */
    public static long derive(long runSeed, String sampleId, String variant) {
        long hash = FNV_OFFSET_BASIS;
        hash = fnv1a(hash, sampleId.getBytes(StandardCharsets.UTF_8));
        hash = fnv1a(hash, new byte[] {SEPARATOR});
        hash = fnv1a(hash, variant.getBytes(StandardCharsets.UTF_8));
        return mix64(mix64(runSeed) ^ hash);
    }

    /** Returns a generator seeded with {@link #derive(long, String, String)}. */
    public static SplitMix64 random(long runSeed, String sampleId, String variant) {
        return new SplitMix64(derive(runSeed, sampleId, variant));
    }

    /**
     * Scrambles all 64 bits of {@code value}: the output finaliser of SplitMix64 (Steele, Lea and
     * Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), the same constants as
     * {@code java.util.SplittableRandom}.
     */
    public static long mix64(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(long hash, byte[] bytes) {
        long result = hash;
        for (byte b : bytes) {
            result ^= b & 0xFF;
            result *= FNV_PRIME;
        }
        return result;
    }
}
