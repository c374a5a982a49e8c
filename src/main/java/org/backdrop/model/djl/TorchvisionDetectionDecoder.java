package org.backdrop.model.djl;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the outputs of a torchvision detection model exported to ONNX: boxes [n, 4] as
 * {@code x1, y1, x2, y2} in input pixels, labels [n] and scores [n]. The model has already applied its
 * own non-maximum suppression.
 */
final class TorchvisionDetectionDecoder {

    private TorchvisionDetectionDecoder() {}

    /**
     * Returns the boxes scoring more than {@code scoreThreshold}, in input pixels.
     *
     * @throws IllegalArgumentException if the three outputs disagree on the number of boxes
     */
    static List<BoxCandidate> decode(float[] boxes, long[] labels, float[] scores, double scoreThreshold) {
        if (boxes.length != 4 * scores.length || labels.length != scores.length) {
            throw new IllegalArgumentException("torchvision detection outputs disagree: " + boxes.length / 4 + " boxes, "
                    + labels.length + " labels, " + scores.length + " scores");
        }
        List<BoxCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > scoreThreshold) {
                candidates.add(new BoxCandidate(Math.toIntExact(labels[i]), scores[i],
                        boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]));
            }
        }
        return candidates;
    }
}
