package org.backdrop.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/** Reads model outputs into Java arrays, whatever numeric type the model chose. */
final class OutputArrays {

    private OutputArrays() {}

    /** Returns output {@code index} of {@code outputs}, or throws naming how many outputs there were. */
    static NDArray get(NDList outputs, int index) {
        if (outputs.size() <= index) {
            throw new IllegalStateException("the model returned " + outputs.size() + " output(s), but output " + index + " is needed");
        }
        return outputs.get(index);
    }

    /** Returns the values as floats. */
    static float[] floats(NDArray array) {
        DataType type = array.getDataType();
        if (type == DataType.FLOAT32) {
            return array.toFloatArray();
        }
        if (type == DataType.FLOAT64) {
            double[] values = array.toDoubleArray();
            float[] result = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = (float) values[i];
            }
            return result;
        }
        long[] values = longs(array);
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /** Returns integer values as longs. */
    static long[] longs(NDArray array) {
        DataType type = array.getDataType();
        if (type == DataType.INT64) {
            return array.toLongArray();
        }
        if (type == DataType.INT32) {
            int[] values = array.toIntArray();
            long[] result = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = values[i];
            }
            return result;
        }
        if (type == DataType.FLOAT32) {
            float[] values = array.toFloatArray();
            long[] result = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = Math.round(values[i]);
            }
            return result;
        }
        throw new IllegalStateException("output \"" + array.getName() + "\" has the unsupported data type " + type);
    }

    /** Returns the dimensions of {@code array}. */
    static long[] shape(NDArray array) {
        return array.getShape().getShape();
    }
}
