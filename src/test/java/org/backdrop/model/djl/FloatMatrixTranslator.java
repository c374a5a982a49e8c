package org.backdrop.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/** Feeds a float matrix to a model with one 2-D input and returns the first output's values. */
final class FloatMatrixTranslator implements NoBatchifyTranslator<float[][], float[]> {

    @Override
    public NDList processInput(TranslatorContext context, float[][] rows) {
        int columns = rows[0].length;
        float[] values = new float[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, values, i * columns, columns);
        }
        NDArray array = context.getNDManager().create(values, new Shape(rows.length, columns));
        return new NDList(array);
    }

    @Override
    public float[] processOutput(TranslatorContext context, NDList outputs) {
        return outputs.get(0).toFloatArray();
    }
}
