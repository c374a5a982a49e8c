package org.backdrop.model.spec;

/** What a model computes from an image. */
public enum ModelTask {
    /** One score per class for the whole image. */
    CLASSIFICATION,
    /** A label or foreground probability per pixel. */
    SEGMENTATION,
    /** Boxes with a class and a score each. */
    DETECTION
}
