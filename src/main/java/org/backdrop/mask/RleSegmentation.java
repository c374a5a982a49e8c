package org.backdrop.mask;

/**
 * A run-length encoded mask.
 *
 * @param rle the mask
 * @param compressed whether the source stored {@code counts} as a compressed string (true) or as a list
 *     of integers (false, as COCO's crowd annotations do); writers keep the same form
 */
public record RleSegmentation(Rle rle, boolean compressed) implements Segmentation {}
