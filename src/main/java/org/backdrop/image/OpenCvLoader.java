package org.backdrop.image;

import nu.pattern.OpenCV;
import org.opencv.core.Core;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads OpenCV's native library once, on first use, from the {@code org.openpnp:opencv} jar.
 *
 * <p>NOTE: the OpenCV 4.9 Java bindings have no {@code setLogLevel}, so OpenCV's own log level can
 * only be lowered with the environment variable {@code OPENCV_LOG_LEVEL=ERROR}. libjpeg and libpng
 * print their warnings straight to standard error. The checks in {@link ImageDecoder} reject truncated
 * and corrupt files before OpenCV decodes them, which avoids most of those lines.
 */
public final class OpenCvLoader {

    private static final Logger LOG = LoggerFactory.getLogger(OpenCvLoader.class);

    private OpenCvLoader() {}

    /** Loaded by the JVM on first access, which makes loading lazy and thread-safe. */
    private static final class Holder {
        static final Throwable FAILURE = load();

        private static Throwable load() {
            try {
                OpenCV.loadLocally();
                LOG.debug("Loaded OpenCV {}", Core.VERSION);
                return null;
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return e;
            }
        }
    }

    /**
     * Loads the native library if it is not loaded yet.
     *
     * @throws IllegalStateException if the library cannot be loaded on this platform
     */
    public static void ensureLoaded() {
        Throwable failure = Holder.FAILURE;
        if (failure != null) {
            throw new IllegalStateException(
                    "OpenCV's native library could not be loaded on " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch") + "; images cannot be decoded or encoded: " + failure,
                    failure);
        }
    }
}
