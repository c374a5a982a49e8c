package org.backdrop.eval.coco;

/** What COCO evaluation compares: boxes or instance masks. */
public enum IouType {
    /** Box IoU on {@code [x, y, width, height]} boxes. */
    BBOX,
    /** Mask IoU on run-length encoded instance masks. */
    SEGM;

    /** Returns the name pycocotools uses ({@code bbox} or {@code segm}). */
    public String cocoName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
