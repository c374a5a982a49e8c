package org.backdrop.segment;

import org.backdrop.mask.Rle;

/** The outcome of computing one sample's foreground mask: a mask, or the reason there is none. */
public sealed interface MaskResult {

    /** A foreground mask of the sample's size. */
    record Found(Rle mask) implements MaskResult {}

    /** No usable mask; {@code reason} explains why in a phrase such as "GrabCut kept 4% of the box". */
    record Rejected(String reason) implements MaskResult {}
}
