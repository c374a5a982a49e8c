package org.backdrop.background;

import nu.pattern.OpenCV;

/** Loads the OpenCV native library from the {@code org.openpnp:opencv} jar, once per JVM. */
final class OpenCvNatives {

    private OpenCvNatives() {}

    /** Loads the natives unless an earlier call has; safe to call from several threads. */
    static void load() {
        Holder.touch();
    }

    /** Class initialisation runs once and is thread-safe, which is all the guard this needs. */
    private static final class Holder {
        static {
            OpenCV.loadLocally();
        }

        static void touch() {}
    }
}
