package org.backdrop.store;

import java.time.Instant;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.mask.Rle;

/**
 * One saved version of a sample's foreground mask.
 *
 * @param id the version's id in the store; later versions have larger ids
 * @param sampleId the sample's id in the project's dataset
 * @param mask the mask as COCO RLE
 * @param origin where the mask came from
 * @param savedAt when it was saved (UTC)
 */
public record StoredMask(long id, String sampleId, Rle mask, MaskOrigin origin, Instant savedAt) {}
