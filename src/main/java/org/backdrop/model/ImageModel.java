package org.backdrop.model;

import org.backdrop.model.spec.ModelSpec;

/**
 * A loaded model that runs on images. It keeps native memory until {@link #close()}; keep one open for
 * a whole run and close it at the end. Implementations are safe to call from several threads, but run
 * one batch at a time.
 */
public interface ImageModel extends AutoCloseable {

    /** Returns the spec the model was loaded with. */
    ModelSpec spec();

    /** Returns the device the model runs on and why it was chosen. */
    InferenceDevice device();

    /** Returns the number of images per inference call actually used. */
    int batchSize();

    /** Releases the model's native memory; later calls fail. */
    @Override
    void close();
}
