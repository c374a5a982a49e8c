package org.backdrop.model;

import java.util.List;
import org.backdrop.image.RgbImage;

/** A model that separates the foreground of an image from its background. */
public interface Segmenter extends ImageModel {

    /**
     * Computes a foreground mask for each image, at that image's size.
     *
     * @return one mask per image, in order; empty for an empty list
     * @throws ModelException if inference fails
     */
    List<ForegroundMask> segment(List<RgbImage> images) throws ModelException;
}
