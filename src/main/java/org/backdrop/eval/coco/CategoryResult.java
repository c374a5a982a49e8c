package org.backdrop.eval.coco;

/**
 * The main numbers of one category, for area range {@code all}. Each is -1 when the category has no
 * counted object.
 *
 * @param id the category id, as the ground truth gives it
 * @param name the category name
 * @param ap AP averaged over the IoU thresholds, at the maxDets of the summary's first AP
 * @param ap50 AP at IoU 0.5, or -1 when 0.5 is not among the thresholds
 * @param ap75 AP at IoU 0.75, or -1 when 0.75 is not among the thresholds
 * @param ar100 recall averaged over the IoU thresholds, at the maxDets of the summary's AR100
 */
public record CategoryResult(long id, String name, double ap, double ap50, double ap75, double ar100) {}
