package org.backdrop.background;

import java.util.Arrays;

/**
 * The rule that picks the other sample whose background is borrowed. Every rule draws with the sample's seeded generator, never
 * picks the sample itself, and returns -1 when the dataset has no sample that fits.
 */
public enum DonorRule {

    /** Any other sample, uniformly. */
    RANDOM,

    /** Another sample of the same class, uniformly. */
    SAME_CLASS,

    /** A sample of any other class, uniformly over those samples. */
    OTHER_CLASS,

    /**
     * A sample of the next class, uniformly: the next label in ascending order, after the largest
     * label the smallest.
     */
    NEXT_CLASS,

    /**
     * A class first, uniformly over the classes (the sample's own class included, as ImageNet-9's
     * Mixed-Rand does), then a sample of that class, uniformly. The own class counts only when it has
     * another sample.
     */
    RANDOM_CLASS;

    /**
     * Returns the index of a donor for sample {@code self} of class {@code label}, or -1 when there is
     * none; one or two draws from {@code random}.
     */
    int choose(ClassIndex index, int self, int label, SplitMix64 random) {
        int[] ownClass = index.membersOf(label);
        return switch (this) {
            case RANDOM -> chooseExcluding(index.size(), self, random);
            case SAME_CLASS -> chooseFromClassExcluding(ownClass, self, random);
            case OTHER_CLASS -> chooseOtherClass(index, label, ownClass.length, random);
            case NEXT_CLASS -> chooseNextClass(index, label, random);
            case RANDOM_CLASS -> chooseRandomClass(index, self, label, random);
        };
    }

    /** Draws uniformly from {@code 0 .. count - 1} without {@code self}. */
    private static int chooseExcluding(int count, int self, SplitMix64 random) {
        boolean selfIncluded = self >= 0 && self < count;
        int candidates = selfIncluded ? count - 1 : count;
        if (candidates < 1) {
            return -1;
        }
        int drawn = random.nextInt(candidates);
        return selfIncluded && drawn >= self ? drawn + 1 : drawn;
    }

    private static int chooseFromClassExcluding(int[] members, int self, SplitMix64 random) {
        int position = Arrays.binarySearch(members, self);
        int drawn = chooseExcluding(members.length, position, random);
        return drawn < 0 ? -1 : members[drawn];
    }

    private static int chooseOtherClass(ClassIndex index, int label, int ownCount, SplitMix64 random) {
        int candidates = index.size() - ownCount;
        if (candidates < 1) {
            return -1;
        }
        int drawn = random.nextInt(candidates);
        for (int position = 0; position < index.classCount(); position++) {
            if (index.label(position) == label) {
                continue;
            }
            int[] members = index.members(position);
            if (drawn < members.length) {
                return members[drawn];
            }
            drawn -= members.length;
        }
        throw new IllegalStateException("class index counts do not add up to " + index.size());
    }

    private static int chooseNextClass(ClassIndex index, int label, SplitMix64 random) {
        int position = index.classPosition(label);
        int next = position >= 0 ? position + 1 : -position - 1;
        next %= Math.max(1, index.classCount());
        if (index.classCount() == 0 || index.label(next) == label) {
            return -1;
        }
        int[] members = index.members(next);
        return members[random.nextInt(members.length)];
    }

    private static int chooseRandomClass(ClassIndex index, int self, int label, SplitMix64 random) {
        int own = index.classPosition(label);
        boolean skipOwn = own >= 0 && index.members(own).length == (contains(index.members(own), self) ? 1 : 0);
        int eligible = index.classCount() - (skipOwn ? 1 : 0);
        if (eligible < 1) {
            return -1;
        }

        int drawn = random.nextInt(eligible);
        int position = skipOwn && drawn >= own ? drawn + 1 : drawn;
        if (position == own) {
            return chooseFromClassExcluding(index.members(own), self, random);
        }
        int[] members = index.members(position);
        return members[random.nextInt(members.length)];
    }

    private static boolean contains(int[] sorted, int value) {
        return Arrays.binarySearch(sorted, value) >= 0;
    }
}
