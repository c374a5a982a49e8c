package org.backdrop.dataset.cifar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds tiny CIFAR-10 batches whose pixels are known by construction. */
final class CifarTestData {

    private CifarTestData() {}

    /**
     * Returns the planes of a record whose red value at (x, y) is x, green is y and blue is
     * {@code blue}, so a mix-up of rows, columns or planes shows in the pixels.
     */
    static byte[] planes(int blue) {
        byte[] planes = new byte[3072];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                planes[y * 32 + x] = (byte) x;
                planes[1024 + y * 32 + x] = (byte) y;
                planes[2048 + y * 32 + x] = (byte) blue;
            }
        }
        return planes;
    }

    /** Writes a binary batch with one record per label; record k has blue value k. */
    static Path writeBinaryBatch(Path folder, String name, int... labels) throws IOException {
        byte[] content = new byte[labels.length * 3073];
        for (int k = 0; k < labels.length; k++) {
            content[k * 3073] = (byte) labels[k];
            System.arraycopy(planes(k), 0, content, k * 3073 + 1, 3072);
        }
        return Files.write(folder.resolve(name), content);
    }

    /** Writes a python batch with one record per label; record k has blue value k. */
    static Path writePythonBatch(Path folder, String name, int... labels) throws IOException {
        byte[] raw = new byte[labels.length * 3072];
        for (int k = 0; k < labels.length; k++) {
            System.arraycopy(planes(k), 0, raw, k * 3072, 3072);
        }
        return Files.write(folder.resolve(name), TinyPickle.cifarBatch(labels, raw));
    }
}
