package org.backdrop.eval.coco;

import org.backdrop.mask.Segmentation;

/**
 * An object's or a detection's instance mask as evaluation keeps it until it needs the pixels, so that
 * the masks of a whole dataset never sit decoded in memory at once.
 */
public sealed interface InstanceMask {

    /**
     * COCO's compressed RLE, kept as the text of {@code counts}.
     *
     * @param height mask height in pixels, from {@code size[0]}
     * @param width mask width in pixels, from {@code size[1]}
     * @param counts the compressed runs, as COCO writes them
     */
    record Compressed(int height, int width, String counts) implements InstanceMask {}

    /** Polygons or an uncompressed RLE, as read. */
    record Shape(Segmentation segmentation) implements InstanceMask {}
}
