package org.backdrop.segment;

import java.io.IOException;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;

/**
 * Gives each sample a foreground mask. Implementations are thread-safe: a job calls
 * {@link #compute} for many samples at once, and the result must not depend on the order or the
 * thread, so the same input always gives the same mask.
 */
public interface MaskSource extends AutoCloseable {

    /** Returns the name recorded with each mask, such as {@code annotations} or {@code grabcut}. */
    String name();

    /**
     * Computes the foreground mask of {@code sample}, at the sample's declared size (or the decoded
     * image's size when the format declares none).
     *
     * @throws IOException when the sample's image cannot be read
     */
    MaskResult compute(Dataset dataset, Sample sample, SampleImages images) throws IOException;

    /** Releases native resources such as a loaded model; the default has none. */
    @Override
    default void close() {}
}
