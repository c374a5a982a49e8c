package org.backdrop.model;

import java.util.Locale;

/** The device a user requests: {@code auto}, {@code cpu} or {@code cuda}. */
public enum DeviceRequest {
    /** CUDA when ONNX Runtime can use a CUDA GPU, otherwise the CPU. */
    AUTO,
    /** The CPU. */
    CPU,
    /** The first CUDA GPU; loading a model fails when CUDA cannot be used. */
    CUDA;

    /**
     * Parses {@code auto}, {@code cpu} or {@code cuda}, ignoring case.
     *
     * @throws IllegalArgumentException for any other text; the message lists the allowed values
     */
    public static DeviceRequest parse(String text) {
        for (DeviceRequest request : values()) {
            if (request.name().equalsIgnoreCase(text.trim())) {
                return request;
            }
        }
        throw new IllegalArgumentException("invalid device \"" + text + "\"; use auto, cpu or cuda");
    }

    /** Returns the lower-case name used on the command line. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
