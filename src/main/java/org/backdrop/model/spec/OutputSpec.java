package org.backdrop.model.spec;

import java.util.List;

/** What the model's output tensors mean; the set of kinds is closed, one group per {@link ModelTask}. */
public sealed interface OutputSpec {

    /** Returns the task this kind of output belongs to. */
    ModelTask task();

    /** Whether classification scores are raw logits or already probabilities. */
    enum ScoreKind {
        /** Unnormalised scores; softmax turns them into probabilities. */
        LOGITS,
        /** Scores that already sum to 1. */
        PROBABILITIES
    }

    /** How a single-channel or per-class output becomes the foreground probability. */
    enum Activation {
        /** The channel already contains a probability. */
        NONE,
        /** The channel contains a logit: probability = 1 / (1 + e^-x). */
        SIGMOID,
        /** Softmax over the channels, then the chosen channel's value. */
        SOFTMAX
    }

    /** A classification output of shape [batch, classes]. */
    record ClassScores(ScoreKind kind) implements OutputSpec {
        @Override
        public ModelTask task() {
            return ModelTask.CLASSIFICATION;
        }
    }

    /**
     * A semantic segmentation output of per-class logits, [batch, classes, height, width] or
     * [batch, height, width, classes] per {@code layout}. Each pixel's label is the argmax over the
     * classes; a pixel is foreground unless its label is one of {@code backgroundClasses}.
     */
    record ClassLabelMask(List<Integer> backgroundClasses, TensorLayout layout) implements OutputSpec {

        /** Copies the list. */
        public ClassLabelMask {
            backgroundClasses = List.copyOf(backgroundClasses);
        }

        @Override
        public ModelTask task() {
            return ModelTask.SEGMENTATION;
        }
    }

    /**
     * A segmentation output whose {@code channel} gives the foreground (after {@code activation}); a pixel
     * is foreground when that probability is greater than {@code threshold}.
     */
    record ForegroundProbability(int channel, double threshold, Activation activation, TensorLayout layout)
            implements OutputSpec {
        @Override
        public ModelTask task() {
            return ModelTask.SEGMENTATION;
        }
    }

    /**
     * The outputs of a torchvision detection model exported to ONNX, in this order: boxes [n, 4] as
     * {@code x1, y1, x2, y2} in input pixels, labels [n] and scores [n] for one image. Boxes scoring
     * {@code scoreThreshold} or less are dropped.
     */
    record TorchvisionDetections(double scoreThreshold) implements OutputSpec {
        @Override
        public ModelTask task() {
            return ModelTask.DETECTION;
        }
    }

    /**
     * A dense detection grid that a named decoder turns into boxes, followed by non-maximum suppression.
     *
     * @param decoder the decoder's name; {@value #FASTESTDET} is the one known so far
     * @param scoreThreshold boxes scoring this or less are dropped
     * @param nmsIou a box is suppressed when its IoU with a higher-scoring kept box exceeds this
     * @param classAgnosticNms whether boxes of different classes suppress each other
     */
    record GridDetections(String decoder, double scoreThreshold, double nmsIou, boolean classAgnosticNms)
            implements OutputSpec {

        /** The FastestDet decoder: [1, 5 + classes, rows, columns] with objectness, box and class scores. */
        public static final String FASTESTDET = "fastestdet";

        @Override
        public ModelTask task() {
            return ModelTask.DETECTION;
        }
    }
}
