package org.backdrop.dataset.cifar;

import java.nio.charset.StandardCharsets;
import net.razorvine.pickle.PickleException;

/** Byte strings as Pyrolite returns them: {@code byte[]} for bytes, text of chars 0–255 for Python 2 {@code str}. */
final class PickleBytes {

    private PickleBytes() {}

    /**
     * Returns the bytes of a Python 2 {@code str} or Python 3 {@code bytes} value.
     *
     * @throws PickleException for any other value or text with a character above 255
     */
    static byte[] toBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 0xFF) {
                    throw new PickleException("expected a byte string, got text with character U+" + Integer.toHexString(text.charAt(i)));
                }
            }
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        throw new PickleException("expected a byte string, got " + (value == null ? "None" : value.getClass().getSimpleName()));
    }

    /** Returns a dictionary key or list item as text, decoding Python 3 {@code bytes} as Latin-1. */
    static String toText(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (value instanceof String text) {
            return text;
        }
        throw new PickleException("expected text, got " + (value == null ? "None" : value.getClass().getSimpleName()));
    }
}
