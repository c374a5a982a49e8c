/**
 * Classification metrics over background variants: accuracy, per-class accuracy and the confusion matrix
 * of one set of predictions, and across variants the accuracy drop, ImageNet-9's BG-gap, worst-group
 * accuracy and the samples that flip from right to wrong. Pure Java; accuracies are fractions from 0 to 1.
 */
package org.backdrop.eval.classification;
