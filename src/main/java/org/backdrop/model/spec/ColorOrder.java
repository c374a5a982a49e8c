package org.backdrop.model.spec;

/** The order of the colour channels that a model expects. */
public enum ColorOrder {
    /** Red, green, blue: PIL, torchvision and most PyTorch models. */
    RGB,
    /** Blue, green, red: images read with OpenCV's {@code imread} and fed without conversion. */
    BGR
}
