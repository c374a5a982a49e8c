package org.backdrop.eval.voc;

/**
 * The AP of one class and its precision/recall curve, one entry per detection in ranked order.
 *
 * @param className the class
 * @param ap average precision, or NaN when the class has no object that counts (then mAP leaves it out)
 * @param detections the number of detections of the class
 * @param positives the number of objects that count (not difficult)
 * @param recall cumulative recall after each ranked detection (NaN entries when {@code positives} is 0)
 * @param precision cumulative precision after each ranked detection
 */
public record VocClassResult(String className, double ap, int detections, int positives, double[] recall, double[] precision) {

    public VocClassResult {
        recall = recall.clone();
        precision = precision.clone();
    }

    /** Returns a copy of the recall curve. */
    @Override
    public double[] recall() {
        return recall.clone();
    }

    /** Returns a copy of the precision curve. */
    @Override
    public double[] precision() {
        return precision.clone();
    }

    /** Returns recall after the last detection; 0 without detections, NaN when {@code positives} is 0. */
    public double finalRecall() {
        if (positives == 0) {
            return Double.NaN;
        }
        return recall.length == 0 ? 0 : recall[recall.length - 1];
    }

    /** Returns precision after the last detection; 0 without detections. */
    public double finalPrecision() {
        return precision.length == 0 ? 0 : precision[precision.length - 1];
    }

    /** Returns whether the class has an object that counts, so that its AP is defined. */
    public boolean hasPositives() {
        return positives > 0;
    }
}
