package org.backdrop.image;

import java.util.Optional;

/** An image file format, recognised by the file's first bytes (its signature), never by its name. */
public enum ImageFormat {
    JPEG("JPEG"),
    PNG("PNG"),
    GIF("GIF"),
    BMP("BMP"),
    TIFF("TIFF"),
    WEBP("WebP");

    /** Number of leading bytes that {@link #detect} needs to tell every format apart. */
    static final int SIGNATURE_LENGTH = 12;

    private final String displayName;

    ImageFormat(String displayName) {
        this.displayName = displayName;
    }

    /** Returns the format's usual name, such as "JPEG" or "WebP". */
    public String displayName() {
        return displayName;
    }

    /** Returns true for the formats that {@link ImageDecoder} decodes: JPEG and PNG. */
    public boolean isDecodable() {
        return this == JPEG || this == PNG;
    }

    /**
     * Detects the format from the first {@code length} bytes of a file.
     *
     * @return the format, or empty when the bytes match no known signature
     */
    static Optional<ImageFormat> detect(byte[] head, int length) {
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (startsWith(head, length, 'B', 'M')) {
            return Optional.of(BMP);
        }
        if (startsWith(head, length, 'I', 'I', 42, 0) || startsWith(head, length, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        if (startsWith(head, length, 'R', 'I', 'F', 'F') && length >= 12
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
