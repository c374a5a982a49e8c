package org.backdrop.eval.voc;

/**
 * An annotated object of a PASCAL VOC image, with VOC's 1-based inclusive pixel corners.
 *
 * @param className the object's class, such as {@code dog}
 * @param xmin left pixel column
 * @param ymin top pixel row
 * @param xmax right pixel column, included in the box
 * @param ymax bottom pixel row, included in the box
 * @param difficult VOC's {@code difficult} flag: such objects neither count as misses nor as matches
 */
public record VocObject(String className, double xmin, double ymin, double xmax, double ymax, boolean difficult) {}
