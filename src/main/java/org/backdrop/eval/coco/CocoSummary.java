package org.backdrop.eval.coco;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The 12 numbers of pycocotools' {@code summarize()} with its printed lines. A number is -1 where no
 * category has a counted object in that setting.
 *
 * @param stats AP, AP50, AP75, APs, APm, APl, AR1, AR10, AR100, ARs, ARm, ARl in pycocotools' order
 * @param maxDets the maxDets each number was taken at
 * @param lines the 12 lines as pycocotools prints them, with three decimals
 */
public record CocoSummary(double[] stats, int[] maxDets, List<String> lines) {

    /** Short names of the 12 numbers, in the order of {@link #stats()}. */
    public static final List<String> NAMES = List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl");

    public CocoSummary {
        stats = stats.clone();
        maxDets = maxDets.clone();
        lines = List.copyOf(lines);
    }

    /** Returns a copy of the 12 numbers. */
    @Override
    public double[] stats() {
        return stats.clone();
    }

    /** Returns a copy of the maxDets of each number. */
    @Override
    public int[] maxDets() {
        return maxDets.clone();
    }

    /** Returns the number called {@code name} (one of {@link #NAMES}). */
    public double stat(String name) {
        int index = NAMES.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown summary number " + name + "; use one of " + NAMES);
        }
        return stats[index];
    }

    /** Formats one line as pycocotools' {@code summarize()} prints it. */
    static String line(boolean precision, String iou, String area, int maxDet, double value) {
        return String.format(java.util.Locale.ROOT, " %-18s %s @[ IoU=%-9s | area=%6s | maxDets=%3d ] = %s",
                precision ? "Average Precision" : "Average Recall", precision ? "(AP)" : "(AR)", iou, area, maxDet, fixed(value, 3));
    }

    /**
     * Formats {@code value} with {@code decimals} decimals as Python's {@code format(value, '.3f')}
     * does: rounded from the exact binary value, ties to even.
     */
    static String fixed(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
