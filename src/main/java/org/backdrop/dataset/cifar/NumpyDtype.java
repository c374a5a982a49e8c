package org.backdrop.dataset.cifar;

import net.razorvine.pickle.PickleException;

/**
 * An integer numpy dtype rebuilt from a pickle: {@code numpy.dtype('u1', False, True)} followed by
 * a state tuple whose second item is the byte order ({@code <}, {@code >}, {@code |} or {@code =}).
 */
final class NumpyDtype {

    private final char kind;
    private final int itemSize;
    private boolean bigEndian;

    private NumpyDtype(char kind, int itemSize) {
        this.kind = kind;
        this.itemSize = itemSize;
    }

    /**
     * Parses a dtype name such as {@code u1}, {@code <i8} or {@code uint8}.
     *
     * @throws PickleException for anything but a signed or unsigned integer of 1, 2, 4 or 8 bytes
     */
    static NumpyDtype parse(Object name) {
        if (!(name instanceof String text)) {
            throw new PickleException("numpy dtype name must be text, got " + name);
        }
        String code = switch (text) {
            case "uint8" -> "u1";
            case "int8" -> "i1";
            case "int16" -> "i2";
            case "int32" -> "i4";
            case "int64" -> "i8";
            default -> text.replaceFirst("^[<>|=]", "");
        };
        if (!code.matches("[ui][1248]")) {
            throw new PickleException("numpy dtype '" + text + "' is not supported; CIFAR-10 batches hold integers (uint8 pixels)");
        }
        NumpyDtype dtype = new NumpyDtype(code.charAt(0), code.charAt(1) - '0');
        dtype.bigEndian = text.startsWith(">");
        return dtype;
    }

    /** Applies numpy's dtype state tuple; only the byte order (item 1) matters for integers. */
    void setState(Object[] state) {
        if (state.length > 1 && state[1] instanceof String order) {
            bigEndian = order.equals(">");
        }
    }

    boolean isUint8() {
        return kind == 'u' && itemSize == 1;
    }

    int itemSize() {
        return itemSize;
    }

    /** Reads the integer stored at byte {@code offset} of {@code data}. */
    long read(byte[] data, int offset) {
        long value = 0;
        for (int i = 0; i < itemSize; i++) {
            int shift = bigEndian ? 8 * (itemSize - 1 - i) : 8 * i;
            value |= (long) (data[offset + i] & 0xFF) << shift;
        }
        if (kind == 'i' && itemSize < 8) {
            int unused = 64 - 8 * itemSize;
            value = (value << unused) >> unused;
        }
        return value;
    }

    @Override
    public String toString() {
        return (bigEndian ? ">" : "<") + kind + itemSize;
    }
}
