package org.backdrop.background;

import org.backdrop.ProgressListener;
import org.backdrop.image.RgbImage;

/**
 * One way of making the replacement background of a sample. Instances are safe to share between
 * threads once {@link #prepare} has returned, and the same request always gives the same bytes.
 *
 * <p>Typical use: {@code Background b = Backgrounds.parse(spec).prepare(pool, progress);} once, then
 * {@code b.compose(BackgroundRequest.of(pool, i, seed, b.name()), compositor)} for each sample, from
 * any number of threads.
 */
public interface Background {

    /**
     * Returns the method's name without file paths ("red", "noise-bw", "scenes", "mixed-same"), fit
     * for a variant folder name and as the variant of a {@link BackgroundRequest}.
     */
    String name();

    /**
     * Renders the background for one sample, at the sample's size. The result may be shared between
     * calls (a solid colour, the mean background), so callers must not change its pixels.
     *
     * @throws BackgroundUnavailableException if this method cannot make a background for the sample
     * @throws IllegalStateException if the method needs {@link #prepare} and was not prepared
     */
    RgbImage render(BackgroundRequest request);

    /**
     * Returns true when {@link #compose} pastes the object onto the background, false for variants
     * whose output is a background only (ImageNet-9's No-FG, Only-BG-B and Only-BG-T).
     */
    default boolean compositesObject() {
        return true;
    }

    /**
     * Returns a copy ready to render samples of {@code pool}: methods that need the whole dataset
     * (mean background, other samples' backgrounds, correlated groups) read or index it here. Others
     * return {@code this}. Render only requests whose pool is {@code pool}.
     *
     * @throws java.util.concurrent.CancellationException if {@code progress} reports cancellation
     * @throws IllegalArgumentException if the dataset does not fit the method (a class without a group)
     */
    default Background prepare(SamplePool pool, ProgressListener progress) {
        return this;
    }

    /**
     * Renders the background and, when {@link #compositesObject()} is true, pastes the object onto it
     * with {@code compositor}. The result is a new image that the caller owns.
     *
     * @throws BackgroundUnavailableException if this method cannot make a background for the sample
     */
    default RgbImage compose(BackgroundRequest request, Compositor compositor) {
        RgbImage background = render(request);
        if (!compositesObject()) {
            return background;
        }
        return compositor.composite(request.image(), request.mask(), background);
    }
}
