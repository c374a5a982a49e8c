package org.backdrop.dataset.cifar;

import java.util.Arrays;
import java.util.List;
import net.razorvine.pickle.PickleException;

/**
 * An integer numpy array rebuilt from a pickle: {@code numpy.core.multiarray._reconstruct} creates
 * it empty, and its state tuple {@code (version, shape, dtype, is_fortran, raw_bytes)} fills it.
 * Only C-ordered arrays are accepted.
 */
final class NumpyArray {

    private int[] shape = new int[0];
    private NumpyDtype dtype;
    private byte[] data = new byte[0];

    /**
     * Applies numpy's array state: 5 items from numpy 1.0 on, 4 items (without the version) before.
     *
     * @throws PickleException if the state is not an integer array in C order whose raw bytes match
     *     its shape
     */
    void setState(Object[] state) {
        int first = state.length == 5 ? 1 : 0;
        if (state.length - first != 4) {
            throw new PickleException("numpy array state has " + state.length + " items; expected 4 or 5");
        }
        shape = toShape(state[first]);
        if (!(state[first + 1] instanceof NumpyDtype type)) {
            throw new PickleException("numpy array state has no dtype");
        }
        dtype = type;
        if (Boolean.TRUE.equals(state[first + 2])) {
            throw new PickleException("numpy array is stored in Fortran order; only C-ordered arrays are supported");
        }
        data = PickleBytes.toBytes(state[first + 3]);
        long expected = (long) elementCount() * dtype.itemSize();
        if (data.length != expected) {
            throw new PickleException("numpy array of shape " + Arrays.toString(shape) + " and dtype " + dtype
                    + " needs " + expected + " bytes, got " + data.length);
        }
    }

    int[] shape() {
        return shape.clone();
    }

    boolean isUint8() {
        return dtype != null && dtype.isUint8();
    }

    /** Returns the raw bytes in C order; shared, not copied. */
    byte[] data() {
        return data;
    }

    /** Returns every element as an int, in C order. */
    int[] toIntArray() {
        int[] values = new int[elementCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.toIntExact(dtype.read(data, i * dtype.itemSize()));
        }
        return values;
    }

    private int elementCount() {
        long count = 1;
        for (int size : shape) {
            count *= size;
        }
        return Math.toIntExact(count);
    }

    private static int[] toShape(Object value) {
        if (!(value instanceof Object[] items)) {
            throw new PickleException("numpy array shape must be a tuple, got " + value);
        }
        int[] shape = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            if (!(items[i] instanceof Number number) || number.longValue() < 0 || number.longValue() > Integer.MAX_VALUE) {
                throw new PickleException("numpy array shape " + List.of(items) + " is not a tuple of sizes");
            }
            shape[i] = number.intValue();
        }
        return shape;
    }
}
