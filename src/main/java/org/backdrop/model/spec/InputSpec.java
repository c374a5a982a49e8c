package org.backdrop.model.spec;

import java.util.List;

/**
 * The model's image input.
 *
 * @param name the ONNX input name
 * @param shape the four dimensions in {@code layout} order; -1 marks a dynamic dimension, which only the
 *     batch dimension may be
 * @param layout the order of the dimensions
 */
public record InputSpec(String name, List<Long> shape, TensorLayout layout) {

    /** Copies {@code shape}; the reader has checked it. */
    public InputSpec {
        shape = List.copyOf(shape);
        if (shape.size() != 4) {
            throw new IllegalArgumentException("image input shape needs 4 dimensions, got " + shape);
        }
    }

    /** Returns the fixed batch size, or -1 when the model takes any batch size. */
    public long batch() {
        return shape.get(0);
    }

    /** Returns the number of colour channels. */
    public int channels() {
        return Math.toIntExact(layout == TensorLayout.NCHW ? shape.get(1) : shape.get(3));
    }

    /** Returns the input height in pixels. */
    public int height() {
        return Math.toIntExact(layout == TensorLayout.NCHW ? shape.get(2) : shape.get(1));
    }

    /** Returns the input width in pixels. */
    public int width() {
        return Math.toIntExact(layout == TensorLayout.NCHW ? shape.get(3) : shape.get(2));
    }
}
