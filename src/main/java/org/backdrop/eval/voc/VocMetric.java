package org.backdrop.eval.voc;

/** The rule that turns a VOC precision/recall curve into AP. */
public enum VocMetric {
    /**
     * VOC2007's 11-point metric: the mean of the highest precision at recall of at least 0, 0.1, …, 1,
     * with the thresholds and summation of py-faster-rcnn's {@code voc_eval}.
     */
    VOC07_11_POINT,
    /** VOC2010 and later: the area under the precision/recall curve after making precision non-increasing. */
    AREA
}
