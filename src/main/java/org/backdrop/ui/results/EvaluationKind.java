package org.backdrop.ui.results;

/** What the evaluation screen evaluates. */
public enum EvaluationKind {
    /** Classifiers run on dataset folders; accuracy per variant. */
    CLASSIFICATION,
    /** COCO results files against COCO ground truth; AP per variant. */
    DETECTION
}
