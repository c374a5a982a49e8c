package org.backdrop.model.djl;

import nu.pattern.OpenCV;

/** Loads OpenCV's native library once, from the openpnp jar, before the first OpenCV call. */
final class OpenCvNatives {

    private OpenCvNatives() {}

    /**
     * Loads the library on the first call; later calls return at once.
     *
     * <p>TODO: merge with the image package's OpenCV loader once both are on main, so that one class loads it.
     */
    static void load() {
        Holder.touch();
    }

    private static final class Holder {
        static {
            OpenCV.loadLocally();
        }

        static void touch() {}
    }
}
