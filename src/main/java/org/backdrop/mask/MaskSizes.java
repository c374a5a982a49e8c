package org.backdrop.mask;

/** Size checks shared by the operations that combine two masks. */
final class MaskSizes {

    private MaskSizes() {}

    /**
     * Checks that two masks have the same height and width.
     *
     * @param operation the verb phrase for the message, such as "merge" or "compute the IoU of"
     * @throws IllegalArgumentException naming both sizes if they differ
     */
    static void requireSameSize(Rle expected, Rle actual, String operation) {
        if (expected.height() != actual.height() || expected.width() != actual.width()) {
            throw new IllegalArgumentException("cannot " + operation + " masks of different sizes: "
                    + describe(expected) + " and " + describe(actual)
                    + " (height x width); masks of one image must all have the image's size");
        }
    }

    static String describe(Rle mask) {
        return mask.height() + "x" + mask.width();
    }
}
