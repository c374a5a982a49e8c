package org.backdrop.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one finished epoch measured.
 *
 * @param epoch the epoch, counted from 1
 * @param epochs the number of epochs of the run
 * @param trainLoss mean softmax cross-entropy over the epoch's training images, measured during the
 *     epoch while the weights changed (in nats)
 * @param trainAccuracy fraction (0 to 1) of the epoch's training images that were classified right
 *     during the epoch, on augmented images when augmentation is on
 * @param testAccuracy fraction (0 to 1) right on each test set after the epoch, by test set name, in
 *     the order the sets were given; empty without test sets
 * @param learningRate the learning rate at the epoch's first step
 * @param imagesPerSecond training images per second, evaluation not counted
 * @param seconds wall-clock seconds of the epoch including evaluation and checkpoint
 */
public record EpochMetrics(int epoch, int epochs, double trainLoss, double trainAccuracy, Map<String, Double> testAccuracy,
        double learningRate, double imagesPerSecond, double seconds) {

    public EpochMetrics {
        testAccuracy = Collections.unmodifiableMap(new LinkedHashMap<>(testAccuracy));
    }
}
