package org.backdrop.background;

import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.image.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataset's mean background ({@code mean}): the per-pixel mean of background pixels over all
 * samples of the pool, as {@link MeanBackgroundAccumulator} computes it, in one pass in
 * {@link #prepare}. The grid is the first sample's size, which is the dataset's resolution when every
 * image has the same size, or the size given as {@code mean=WIDTHxHEIGHT} for datasets of mixed sizes.
 * A sample of another size gets the mean resized to its size with {@link Resizing#stretch}.
 */
public final class MeanBackground implements Background {

    private static final Logger LOG = LoggerFactory.getLogger(MeanBackground.class);
    private static final int PROGRESS_INTERVAL = 256;

    private final int gridWidth;
    private final int gridHeight;
    private final RgbImage mean;

    private MeanBackground(int gridWidth, int gridHeight, RgbImage mean) {
        this.gridWidth = gridWidth;
        this.gridHeight = gridHeight;
        this.mean = mean;
    }

    /** Returns an unprepared mean background on the first sample's grid. */
    public static MeanBackground onFirstSampleGrid() {
        return new MeanBackground(0, 0, null);
    }

    /**
     * Returns an unprepared mean background on a fixed grid.
     *
     * @throws IllegalArgumentException if a size is less than 1 pixel
     */
    public static MeanBackground onGrid(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("mean background grid " + width + "x" + height + " must be at least 1x1 pixels");
        }
        return new MeanBackground(width, height, null);
    }

    /** Returns a prepared mean background that renders {@code mean}, for a mean computed elsewhere. */
    public static MeanBackground of(RgbImage mean) {
        return new MeanBackground(mean.width(), mean.height(), mean);
    }

    @Override
    public String name() {
        return "mean";
    }

    /**
     * Returns the mean image on its grid.
     *
     * @throws IllegalStateException if this background was not prepared
     */
    public RgbImage mean() {
        if (mean == null) {
            throw new IllegalStateException("the mean background was not prepared; call prepare(pool, progress) before rendering");
        }
        return mean;
    }

    /**
     * Reads every sample of the pool once and averages its background pixels.
     *
     * @throws BackgroundUnavailableException if the pool has no background pixel at all
     */
    @Override
    public Background prepare(SamplePool pool, ProgressListener progress) {
        int size = pool.size();
        MeanBackgroundAccumulator accumulator = null;
        int resized = 0;
        for (int index = 0; index < size; index++) {
            if (progress.isCancelled()) {
                throw new CancellationException("computing the mean background was cancelled");
            }
            RgbImage image = pool.image(index);
            if (accumulator == null) {
                accumulator = gridWidth > 0
                        ? new MeanBackgroundAccumulator(gridWidth, gridHeight)
                        : new MeanBackgroundAccumulator(image.width(), image.height());
            }
            if (image.width() != accumulator.width() || image.height() != accumulator.height()) {
                resized++;
            }
            accumulator.add(image, pool.mask(index));
            if ((index + 1) % PROGRESS_INTERVAL == 0 || index + 1 == size) {
                progress.progress(index + 1, size, "Averaging backgrounds");
            }
        }
        if (accumulator == null) {
            throw new BackgroundUnavailableException("the mean background is undefined: the dataset has no samples");
        }
        if (resized > 0) {
            LOG.info("Resized {} of {} images to the {}x{} grid of the mean background",
                    resized, size, accumulator.width(), accumulator.height());
        }
        return new MeanBackground(accumulator.width(), accumulator.height(), accumulator.result());
    }

    /** @throws IllegalStateException if this background was not prepared */
    @Override
    public RgbImage render(BackgroundRequest request) {
        return Resizing.stretch(mean(), request.width(), request.height());
    }
}
