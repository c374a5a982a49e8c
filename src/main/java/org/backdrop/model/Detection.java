package org.backdrop.model;

import org.backdrop.dataset.BoundingBox;

/**
 * One detected object.
 *
 * @param classIndex the class index in the model's output order
 * @param className the class name from the spec, or the index as text when the spec has no names
 * @param score the detection score from 0 to 1
 * @param box the box in pixels of the original image, clipped to the image
 */
public record Detection(int classIndex, String className, double score, BoundingBox box) {}
