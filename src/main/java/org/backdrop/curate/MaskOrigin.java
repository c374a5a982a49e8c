package org.backdrop.curate;

import java.util.Locale;

/** The source of a sample's foreground mask. */
public enum MaskOrigin {
    /** Rasterised from the dataset's annotations (VOC palette PNGs, COCO polygons or RLE). */
    ANNOTATION("annotations"),
    /** Predicted by a segmentation model. */
    MODEL("onnx"),
    /** Computed by OpenCV GrabCut. */
    GRABCUT("grabcut"),
    /** Drawn or corrected by a person. */
    EDITED("edited");

    private final String label;

    MaskOrigin(String label) {
        this.label = label;
    }

    /** Returns the name that mask sources, masks files and the project store use, such as {@code grabcut}. */
    public String label() {
        return label;
    }

    /**
     * Parses a mask source's name: {@link #label()}, or the enum name in any case ({@code model}, {@code annotation}).
     *
     * @throws IllegalArgumentException if {@code text} names no origin
     */
    public static MaskOrigin parse(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        for (MaskOrigin origin : values()) {
            if (origin.label.equals(lower) || origin.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return origin;
            }
        }
        throw new IllegalArgumentException("unknown mask source '" + text + "'; expected annotations, onnx (model), grabcut or edited");
    }
}
