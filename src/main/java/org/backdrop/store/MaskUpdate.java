package org.backdrop.store;

import java.util.Objects;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.mask.Rle;

/**
 * A mask to save as a sample's current one.
 *
 * @param sampleId the sample's id in the project's dataset
 * @param mask the mask as COCO RLE
 * @param origin where it came from
 */
public record MaskUpdate(String sampleId, Rle mask, MaskOrigin origin) {

    public MaskUpdate {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(origin, "origin");
    }
}
