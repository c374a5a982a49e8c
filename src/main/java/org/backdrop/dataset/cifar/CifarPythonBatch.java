package org.backdrop.dataset.cifar;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.PickleException;
import org.backdrop.image.RgbImage;

/**
 * One CIFAR-10 python batch after unpickling: a dictionary with {@code data}, a uint8 numpy array
 * of N × 3072 (each row the R, G and B planes of one image, as in the binary layout), and
 * {@code labels}, a list of N integers.
 *
 * @param labels the label of each record
 * @param pixels N × 3072 bytes, the planes of record i starting at {@code i * 3072}
 */
record CifarPythonBatch(int[] labels, byte[] pixels) {

    /** Returns the number of records. */
    int size() {
        return labels.length;
    }

    /** Returns the pixels of record {@code index} as RGB. */
    RgbImage image(int index) {
        return CifarBatches.planesToImage(pixels, index * CifarBatches.IMAGE_BYTES);
    }

    /**
     * Unpickles a batch file such as {@code data_batch_1}.
     *
     * @throws IOException if the file cannot be read, is not a valid pickle, refers to anything but
     *     numpy arrays and plain values, or lacks {@code data} and {@code labels} of matching size;
     *     the message names the fault
     */
    static CifarPythonBatch read(Path file) throws IOException {
        Map<String, Object> dictionary = unpickleDictionary(file);
        if (!(dictionary.get("data") instanceof NumpyArray data)) {
            throw new IOException("has no numpy array under the key 'data'; it is not a CIFAR-10 python batch");
        }
        int[] shape = data.shape();
        if (shape.length != 2 || shape[1] != CifarBatches.IMAGE_BYTES || !data.isUint8()) {
            throw new IOException("'data' must be a uint8 array of N x " + CifarBatches.IMAGE_BYTES + " (a CIFAR-10 python batch), got shape "
                    + Arrays.toString(shape));
        }
        int[] labels = toLabels(dictionary.get("labels"));
        if (labels.length != shape[0]) {
            throw new IOException("has " + shape[0] + " images but " + labels.length + " labels; the file is damaged");
        }
        return new CifarPythonBatch(labels, data.data());
    }

    /**
     * Reads the class names from {@code batches.meta} ({@code label_names}).
     *
     * @throws IOException if the file is not a valid, allowed pickle or has no {@code label_names}
     */
    static List<String> readLabelNames(Path meta) throws IOException {
        Object names = unpickleDictionary(meta).get("label_names");
        if (!(names instanceof List<?> list)) {
            throw new IOException("has no list under the key 'label_names'; it is not a CIFAR-10 batches.meta file");
        }
        List<String> labelNames = new ArrayList<>();
        for (Object name : list) {
            labelNames.add(PickleBytes.toText(name));
        }
        return labelNames;
    }

    private static Map<String, Object> unpickleDictionary(Path file) throws IOException {
        Object value;
        CifarUnpickler unpickler = new CifarUnpickler(Files.size(file));
        try (InputStream input = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            value = unpickler.load(input);
        } catch (PickleException | ClassCastException | IndexOutOfBoundsException | ArithmeticException e) {
            throw new IOException("is not a valid CIFAR-10 pickle: " + e.getMessage(), e);
        } finally {
            unpickler.close();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IOException("does not hold a dictionary; it is not a CIFAR-10 python batch");
        }
        Map<String, Object> dictionary = new HashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            dictionary.put(PickleBytes.toText(entry.getKey()), entry.getValue());
        }
        return dictionary;
    }

    private static int[] toLabels(Object value) throws IOException {
        if (value instanceof NumpyArray array && array.shape().length == 1) {
            return array.toIntArray();
        }
        if (!(value instanceof List<?> list)) {
            throw new IOException("has no list under the key 'labels'; it is not a CIFAR-10 python batch");
        }
        int[] labels = new int[list.size()];
        for (int i = 0; i < labels.length; i++) {
            if (!(list.get(i) instanceof Number number) || number.longValue() < 0 || number.longValue() > Integer.MAX_VALUE) {
                throw new IOException("label " + i + " is " + list.get(i) + ", not a class id");
            }
            labels[i] = number.intValue();
        }
        return labels;
    }
}
