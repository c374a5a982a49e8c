package org.backdrop.background;

import org.backdrop.image.RgbImage;

/**
 * ImageNet-9's Only-BG-T ({@code only-bg-t}): the sample's own image with the object box filled by
 * tiles of the largest background strip outside it (the rule is in {@link BoxTiling}). A sample
 * without an object is returned unchanged. The output is the background alone; the object is not
 * pasted back.
 */
public final class TiledBoxBackground implements Background {

    @Override
    public String name() {
        return "only-bg-t";
    }

    @Override
    public boolean compositesObject() {
        return false;
    }

    /** @throws BackgroundUnavailableException if the object box covers the whole image */
    @Override
    public RgbImage render(BackgroundRequest request) {
        if (request.objectBox().isEmpty()) {
            return new RgbImage(request.width(), request.height(), request.image().pixels().clone());
        }
        PixelBox box = request.objectBox().get();
        return BoxTiling.fill(request.image(), box)
                .orElseThrow(() -> new BackgroundUnavailableException(
                        "sample " + request.sampleId() + ": the object box " + box
                                + " covers the whole image, so no background strip is left to tile"));
    }
}
