package org.backdrop.ui.results;

import org.backdrop.eval.classification.ClassificationReport;
import org.backdrop.eval.coco.CocoEvaluation;

/**
 * One model's result on one variant: a classification report or a COCO evaluation, the other null.
 *
 * @param model the row name
 * @param variant the column name
 * @param classification the classifier's metrics, or null for detections
 * @param detection the COCO evaluation of a results file, or null for a classifier
 */
public record CellResult(String model, String variant, ClassificationReport classification, CocoEvaluation detection) {}
