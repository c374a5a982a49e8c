package org.backdrop.dataset;

/**
 * A record that could not be read.
 *
 * @param file the file, relative to the dataset root with {@code /} separators; for CIFAR records
 *     {@code batch#index}
 * @param reason what is wrong and, where it helps, what to do
 */
public record InvalidSample(String file, String reason) {}
