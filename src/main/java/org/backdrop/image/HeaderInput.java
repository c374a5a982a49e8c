package org.backdrop.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A big-endian byte reader over a stream that counts its position, for reading file headers. */
final class HeaderInput {

    private final InputStream in;
    private long position;

    HeaderInput(InputStream in, long position) {
        this.in = in;
        this.position = position;
    }

    /** Returns the offset of the next byte from the start of the file. */
    long position() {
        return position;
    }

    int readUnsignedByte() throws IOException {
        int value = in.read();
        if (value < 0) {
            throw new EOFException();
        }
        position++;
        return value;
    }

    int readUnsignedShort() throws IOException {
        return (readUnsignedByte() << 8) | readUnsignedByte();
    }

    long readUnsignedInt() throws IOException {
        return ((long) readUnsignedShort() << 16) | readUnsignedShort();
    }

    byte[] readBytes(int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        position += bytes.length;
        if (bytes.length < count) {
            throw new EOFException();
        }
        return bytes;
    }

    void skip(long count) throws IOException {
        in.skipNBytes(count);
        position += count;
    }
}
