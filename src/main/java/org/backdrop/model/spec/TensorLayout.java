package org.backdrop.model.spec;

/** The order of the dimensions of an image tensor: batch, channels, height, width. */
public enum TensorLayout {
    /** Batch, channels, height, width (PyTorch's order). */
    NCHW,
    /** Batch, height, width, channels (TensorFlow's and Keras's order). */
    NHWC
}
