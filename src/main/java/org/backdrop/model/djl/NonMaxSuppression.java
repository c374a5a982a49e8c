package org.backdrop.model.djl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression, as torchvision's {@code nms} and {@code batched_nms} do it. */
final class NonMaxSuppression {

    private NonMaxSuppression() {}

    /**
     * Keeps boxes in descending score order, dropping each box whose IoU with an already kept box is
     * greater than {@code iouThreshold}. Unless {@code classAgnostic}, only boxes of the same class suppress
     * each other. Equal scores keep the input order.
     *
     * @return the kept boxes, highest score first; empty for empty input
     */
    static List<BoxCandidate> apply(List<BoxCandidate> boxes, double iouThreshold, boolean classAgnostic) {
        List<BoxCandidate> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(BoxCandidate::score).reversed());
        List<BoxCandidate> kept = new ArrayList<>();
        for (BoxCandidate box : sorted) {
            boolean suppressed = false;
            for (BoxCandidate keeper : kept) {
                boolean competes = classAgnostic || keeper.classIndex() == box.classIndex();
                if (competes && keeper.iou(box) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(box);
            }
        }
        return kept;
    }
}
