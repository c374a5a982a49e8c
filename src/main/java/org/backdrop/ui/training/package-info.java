/**
 * The studio's training screen: a classifier trained with {@code org.backdrop.train.ClassifierTrainer}
 * as {@code backdrop train} does, with live loss and accuracy curves, and earlier runs read from their
 * {@code metrics.jsonl} for comparison.
 */
package org.backdrop.ui.training;
