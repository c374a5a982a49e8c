package org.backdrop.model.spec;

/** How pixels are interpolated when an image is resized to the model's input size. */
public enum Interpolation {
    /** The nearest pixel. */
    NEAREST,
    /** Linear in x and y, from the 2x2 neighbourhood; does not smooth when shrinking. */
    BILINEAR,
    /** Cubic in x and y, from the 4x4 neighbourhood. */
    BICUBIC,
    /** The mean over the source area that each output pixel covers; the usual choice when shrinking. */
    AREA
}
