package org.backdrop.eval.coco;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a large COCO results file (a JSON list of detection objects) into parts that parse on their
 * own, so that several threads can read one file. A part boundary is a {@code "}, {"} between two
 * detections; each part reads as a JSON list of its detections.
 *
 * <p>The byte pattern could also occur inside a string or a nested list. A wrong boundary leaves a
 * part that is not valid JSON, so callers must parse every part and read the whole file in one piece
 * when any part fails.
 */
final class ResultsFileParts {

    /** The smallest part; a file smaller than two parts is read in one piece. */
    static final long MIN_PART_BYTES = 8L << 20;
    private static final int WINDOW_BYTES = 1 << 20;

    private final Path file;
    private final long[] starts;
    private final long[] ends;

    private ResultsFileParts(Path file, long[] starts, long[] ends) {
        this.file = file;
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * Returns at most {@code maxParts} parts of at least {@code minPartBytes} each, or a single part
     * when the file is small or no boundary is found near a split point.
     */
    static ResultsFileParts split(Path file, int maxParts, long minPartBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int parts = (int) Math.max(1, Math.min(maxParts, size / minPartBytes));
            List<long[]> boundaries = new ArrayList<>();
            for (int i = 1; i < parts; i++) {
                long[] boundary = findBoundary(channel, size * i / parts);
                if (boundary == null || (!boundaries.isEmpty() && boundary[1] <= boundaries.get(boundaries.size() - 1)[1])) {
                    return new ResultsFileParts(file, new long[] {0}, new long[] {size});
                }
                boundaries.add(boundary);
            }
            long[] starts = new long[boundaries.size() + 1];
            long[] ends = new long[boundaries.size() + 1];
            for (int i = 0; i < boundaries.size(); i++) {
                ends[i] = boundaries.get(i)[0];
                starts[i + 1] = boundaries.get(i)[1];
            }
            ends[boundaries.size()] = size;
            return new ResultsFileParts(file, starts, ends);
        }
    }

    int count() {
        return starts.length;
    }

    /**
     * Opens part {@code index} as a JSON list: the bytes of its detections, with a {@code [} before the
     * middle and last parts and a {@code ]} after the first and middle parts.
     */
    InputStream open(int index) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new PartStream(channel, starts[index], ends[index], index > 0, index < starts.length - 1);
    }

    /**
     * Returns {@code [end of the earlier part (at the comma), start of the next part (at the brace)]} of
     * the first {@code "}, {"} at or after {@code target}, or null when the window contains none.
     */
    private static long[] findBoundary(FileChannel channel, long target) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES);
        int length = channel.read(window, target);
        byte[] bytes = window.array();
        for (int i = 0; i < length; i++) {
            if (bytes[i] != '}') {
                continue;
            }
            int comma = skipWhitespace(bytes, i + 1, length);
            if (comma >= length || bytes[comma] != ',') {
                continue;
            }
            int brace = skipWhitespace(bytes, comma + 1, length);
            if (brace < length && bytes[brace] == '{') {
                return new long[] {target + comma, target + brace};
            }
        }
        return null;
    }

    private static int skipWhitespace(byte[] bytes, int from, int length) {
        int i = from;
        while (i < length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** Streams a byte range of the file, optionally between a {@code [} and a {@code ]}. */
    private static final class PartStream extends InputStream {

        private static final byte[] OPEN = "[".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] CLOSE = "]".getBytes(StandardCharsets.US_ASCII);

        private final FileChannel channel;
        private final long end;
        private long position;
        private boolean openPending;
        private boolean closePending;

        PartStream(FileChannel channel, long start, long end, boolean open, boolean close) {
            this.channel = channel;
            this.position = start;
            this.end = end;
            this.openPending = open;
            this.closePending = close;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (openPending) {
                openPending = false;
                buffer[offset] = OPEN[0];
                return 1;
            }
            if (position < end) {
                int count = (int) Math.min(length, end - position);
                int read = channel.read(ByteBuffer.wrap(buffer, offset, count), position);
                if (read > 0) {
                    position += read;
                    return read;
                }
                position = end;
            }
            if (closePending) {
                closePending = false;
                buffer[offset] = CLOSE[0];
                return 1;
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
