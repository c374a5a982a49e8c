package org.backdrop.ui.results;

import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;

/**
 * A sample that a classifier gets right on the original and wrong on a variant.
 *
 * @param model the classifier's name
 * @param variant the variant's name
 * @param original the dataset the original sample is in
 * @param originalSample the sample in the original
 * @param variantDataset the variant's dataset
 * @param variantSample the sample with the same id in the variant
 * @param trueClass the annotated class name
 * @param variantPrediction the class name predicted on the variant; on the original it is {@code trueClass}
 */
public record FlippedSample(String model, String variant, Dataset original, Sample originalSample, Dataset variantDataset,
        Sample variantSample, String trueClass, String variantPrediction) {}
