package org.backdrop.ui.image;

import java.io.IOException;
import org.backdrop.image.RgbImage;

/**
 * The thumbnail cache of a grid: the small pixels of {@link SampleThumbnails#renderSmall} in two
 * {@link ThumbnailSlots} caches, one with many slots for small images, such as CIFAR-10's 32 x 32 pixels,
 * and one with fewer slots of the grid's thumbnail size for larger images, such as VOC or COCO photos
 * shrunk to fit. Each pixel array is allocated when the first image of its size is stored.
 *
 * <p>Use it as a {@link ThumbnailLoader}'s cache with {@link #render} as the loader's renderer. The
 * loader then hands this object's slot cache to the requester, which draws from it with {@link #draw}.
 */
public final class SampleThumbnailSlots implements ThumbnailLoader.Cache<SampleThumbnails.Key, ThumbnailSlots> {

    private final SampleThumbnails renderer;
    private final int maxSide;
    private final ThumbnailSlots small;
    private final ThumbnailSlots large;

    /**
     * Creates a cache of {@code smallCapacity} thumbnails of at most {@code smallSide x smallSide} pixels and
     * {@code largeCapacity} larger ones, all rendered to fit {@code maxSide}.
     */
    public SampleThumbnailSlots(SampleThumbnails renderer, int maxSide, int smallSide, int smallCapacity, int largeCapacity) {
        this.renderer = renderer;
        this.maxSide = maxSide;
        this.small = new ThumbnailSlots(smallCapacity, smallSide * smallSide, Math.min(smallSide, maxSide));
        this.large = new ThumbnailSlots(largeCapacity, maxSide * maxSide, maxSide);
    }

    /** Returns the slot key of a sample's thumbnail: its index in the dataset and the overlay flag. */
    public static long slotKey(int index, boolean overlay) {
        return (long) index << 1 | (overlay ? 1 : 0);
    }

    /**
     * Renders the sample and stores it in the slot cache that fits it; called on a loader thread.
     *
     * @return the cache that now contains the thumbnail, or null when the caches were cleared while it rendered
     * @throws IllegalArgumentException if {@code key} asks for another thumbnail size than this cache's
     */
    public ThumbnailSlots render(SampleThumbnails.Key key) throws IOException {
        if (key.maxSide() != maxSide) {
            throw new IllegalArgumentException("invalid thumbnail size " + key.maxSide() + ": this cache stores thumbnails of at most " + maxSide + " pixels");
        }
        int smallEpoch = small.epoch();
        int largeEpoch = large.epoch();
        RgbImage image = renderer.renderSmall(key);
        long slotKey = slotKey(key.index(), key.overlay());
        if (small.fits(image.width(), image.height())) {
            return small.store(slotKey, image, smallEpoch) ? small : null;
        }
        return large.store(slotKey, image, largeEpoch) ? large : null;
    }

    @Override
    public ThumbnailSlots get(SampleThumbnails.Key key) {
        long slotKey = slotKey(key.index(), key.overlay());
        if (small.contains(slotKey)) {
            return small;
        }
        return large.contains(slotKey) ? large : null;
    }

    /**
     * Shows the cached thumbnail of the sample at {@code index} in {@code view}, allocating nothing.
     *
     * @return false when it is not cached or its slot was rewritten while it was drawn
     */
    public boolean draw(int index, boolean overlay, BlockImageView view) {
        long slotKey = slotKey(index, overlay);
        return small.draw(slotKey, view) || large.draw(slotKey, view);
    }

    @Override
    public void clear() {
        small.clear();
        large.clear();
    }
}
