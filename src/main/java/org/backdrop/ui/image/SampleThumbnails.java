package org.backdrop.ui.image;

import java.io.IOException;
import java.util.Optional;
import javafx.scene.image.Image;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.backdrop.ui.StudioSession;

/** Renders samples of the open dataset for display, with or without the mask overlay. */
public final class SampleThumbnails {

    /** One rendering: the sample's position in the dataset, its id (for logs) and the overlay flag. */
    public record Key(int index, String sampleId, boolean overlay, int maxSide) {
        @Override
        public String toString() {
            return "sample " + sampleId;
        }
    }

    private final StudioSession session;

    public SampleThumbnails(StudioSession session) {
        this.session = session;
    }

    /** Decodes the sample and returns it scaled to fit {@code key.maxSide()}, with the overlay on request. */
    public Image render(Key key) throws IOException {
        return FxImages.toFx(renderRgb(key));
    }

    /** Decodes the sample as {@link #render} does but returns the core's image type. */
    public RgbImage renderRgb(Key key) throws IOException {
        return Thumbnails.upscale(renderSmall(key), key.maxSide());
    }

    /**
     * Decodes the sample, shrinks it to fit {@code key.maxSide()} and adds the overlay on request, but
     * leaves smaller images at their own size: a {@link BlockImageView} enlarges them for display.
     */
    public RgbImage renderSmall(Key key) throws IOException {
        Dataset dataset = session.dataset();
        Sample sample = dataset.samples().get(key.index());
        RgbImage image = Thumbnails.downscale(session.images().load(dataset, sample), key.maxSide());
        Optional<Rle> mask = session.mask(sample);
        if (key.overlay() && mask.isPresent()) {
            image = Thumbnails.overlay(image, mask.get().toRowMajor(), mask.get().width(), mask.get().height());
        }
        return image;
    }
}
