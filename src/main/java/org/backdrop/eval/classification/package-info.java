/**
 * Classification over background variants: {@link org.backdrop.eval.classification.ClassifierRunner} runs a
 * {@link org.backdrop.model.Classifier} over a dataset, and the metrics give accuracy, per-class accuracy
 * and the confusion matrix of one set of predictions, and across variants the accuracy drop, ImageNet-9's
 * BG-gap, worst-group accuracy and the samples that flip from right to wrong. Accuracies are fractions
 * from 0 to 1. Nothing here depends on DJL.
 */
package org.backdrop.eval.classification;
