package org.backdrop.augment;

import org.backdrop.background.Background;
import org.backdrop.background.BackgroundRequest;
import org.backdrop.background.Compositor;
import org.backdrop.image.RgbImage;

/**
 * The work of one sample in one variant: its object composited onto the variant's background, and
 * where that background came from. Every engine calls this one function, so a distributed run renders
 * the same pixels as a local one. The result depends only on the run seed, the sample id and the variant.
 */
public final class SampleRender {

    private SampleRender() {}

    /**
     * A rendered sample.
     *
     * @param image the composited pixels
     * @param source where the background came from, as the manifest records it
     */
    public record Outcome(RgbImage image, String source) {}

    /**
     * Renders sample {@code index} of {@code pool} onto {@code background}, which has been prepared for
     * the pool.
     *
     * @throws org.backdrop.background.BackgroundUnavailableException when the method has no background
     *     for this sample; writers skip it with the exception's message
     * @throws java.io.UncheckedIOException when the sample's pixels cannot be read
     */
    public static Outcome render(AugmentPool pool, Background background, Compositor compositor, long seed, int index) {
        BackgroundRequest request = BackgroundRequest.of(pool, index, seed, background.name());
        RgbImage image = background.compose(request, compositor);
        return new Outcome(image, BackgroundSources.describe(background, request, pool));
    }
}
