package org.backdrop.dataset;

/** Where a sample's pixels are stored. Images load lazily, so a dataset holds only these references. */
public sealed interface ImageRef {

    /** An image file, as a path relative to the dataset root with {@code /} separators. */
    record File(String path) implements ImageRef {
        @Override
        public String describe() {
            return path;
        }
    }

    /** Record {@code index} (0-based) of a CIFAR batch file, given relative to the dataset root. */
    record CifarRecord(String batchFile, int index) implements ImageRef {
        @Override
        public String describe() {
            return batchFile + "#" + index;
        }
    }

    /** Returns a short text naming the image for messages, such as {@code JPEGImages/x.jpg}. */
    String describe();
}
