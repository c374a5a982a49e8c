package org.backdrop.model;

import java.util.List;
import org.backdrop.image.RgbImage;

/**
 * A segmentation model whose spec gives a foreground probability per pixel, run for the probabilities
 * themselves rather than a thresholded mask, so a caller can choose the threshold afterwards.
 */
public interface ProbabilitySegmenter extends ImageModel {

    /**
     * Computes the foreground probability of each pixel of each image, at that image's size.
     *
     * @return one map per image, in order; empty for an empty list
     * @throws ModelException if inference fails
     */
    List<ForegroundProbabilities> probabilities(List<RgbImage> images) throws ModelException;
}
