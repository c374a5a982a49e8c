package org.backdrop.model.djl;

import org.backdrop.model.InferenceDevice;
import org.backdrop.model.ModelException;

/**
 * One loaded model with one predictor, whatever the engine. Predictions run one at a time; {@link #close()}
 * releases the native memory.
 *
 * @param <I> the translator's input
 * @param <O> the translator's output
 */
interface ModelService<I, O> extends AutoCloseable {

    /**
     * Runs the model on {@code input}.
     *
     * @throws ModelException if pre-processing, inference or post-processing fails; the message names the model
     * @throws IllegalStateException if the service is closed
     */
    O predict(I input) throws ModelException;

    /** Returns the device the model runs on. */
    InferenceDevice device();

    /** Releases the model; later calls to {@link #predict} fail. */
    @Override
    void close();
}
