package org.backdrop.eval.classification;

/**
 * The accuracy within one group of samples, for example one (class, background) combination.
 *
 * @param group the group's name
 * @param sampleCount the number of samples in the group
 * @param correctCount how many were predicted right
 * @param accuracy {@code correctCount / sampleCount}, from 0 to 1
 */
public record GroupAccuracy(String group, int sampleCount, int correctCount, double accuracy) {}
