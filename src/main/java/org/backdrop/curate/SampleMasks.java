package org.backdrop.curate;

import java.util.Optional;

/** The facts about each sample's mask that the filters read: its object pixels and its origin. */
public interface SampleMasks {

    /** Masks of no sample. */
    SampleMasks NONE = new SampleMasks() {
        @Override
        public long objectPixels(String sampleId) {
            return -1;
        }

        @Override
        public Optional<MaskOrigin> origin(String sampleId) {
            return Optional.empty();
        }
    };

    /** Returns the number of foreground pixels of the sample's mask, or -1 when it has no mask. */
    long objectPixels(String sampleId);

    /** Returns where the sample's mask came from, empty when it has no mask or the origin is unknown. */
    Optional<MaskOrigin> origin(String sampleId);
}
