package org.backdrop.model.djl;

import java.util.ArrayList;
import java.util.List;
import org.backdrop.image.RgbImage;
import org.backdrop.model.ImageModel;
import org.backdrop.model.InferenceDevice;
import org.backdrop.model.ModelException;
import org.backdrop.model.spec.ModelSpec;

/**
 * The shared part of the DJL adapters, which owns the {@link ModelService} and splits image lists
 * into batches.
 *
 * @param <R> the result for one image
 */
abstract class DjlImageModel<R> implements ImageModel {

    private final ModelSpec spec;
    private final ModelService<List<RgbImage>, List<R>> service;
    private final int batchSize;

    DjlImageModel(ModelSpec spec, ModelService<List<RgbImage>, List<R>> service, int batchSize) {
        this.spec = spec;
        this.service = service;
        this.batchSize = batchSize;
    }

    /** Runs the model on {@code images} in batches of {@link #batchSize()}; returns one result per image, in order. */
    List<R> run(List<RgbImage> images) throws ModelException {
        List<R> results = new ArrayList<>(images.size());
        for (int start = 0; start < images.size(); start += batchSize) {
            List<RgbImage> batch = images.subList(start, Math.min(images.size(), start + batchSize));
            results.addAll(service.predict(batch));
        }
        return results;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public InferenceDevice device() {
        return service.device();
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public void close() {
        service.close();
    }
}
