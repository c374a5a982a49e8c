package org.backdrop.ui.results;

/** The kind of input the evaluation screen evaluates: classifiers or detection results files. */
public enum EvaluationKind {
    /** Classifiers run on dataset folders; accuracy per variant. */
    CLASSIFICATION,
    /** COCO results files against COCO ground truth; AP per variant. */
    DETECTION
}
