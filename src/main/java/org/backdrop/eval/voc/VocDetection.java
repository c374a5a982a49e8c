package org.backdrop.eval.voc;

/**
 * One detection of one class, as a line {@code <image> <score> <xmin> <ymin> <xmax> <ymax>} of a VOC
 * results file gives it; corners are 1-based and inclusive, like the annotations'.
 *
 * @param imageId the image name without extension, as in the image set file
 * @param score confidence; higher ranks first
 */
public record VocDetection(String imageId, double score, double xmin, double ymin, double xmax, double ymax) {}
