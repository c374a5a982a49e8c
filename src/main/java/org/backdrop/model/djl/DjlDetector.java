package org.backdrop.model.djl;

import java.util.List;
import org.backdrop.image.RgbImage;
import org.backdrop.model.Detection;
import org.backdrop.model.Detector;
import org.backdrop.model.ModelException;
import org.backdrop.model.spec.ModelSpec;

/** A {@link Detector} backed by an ONNX model run through DJL. */
final class DjlDetector extends DjlImageModel<List<Detection>> implements Detector {

    DjlDetector(ModelSpec spec, ModelService<List<RgbImage>, List<List<Detection>>> service, int batchSize) {
        super(spec, service, batchSize);
    }

    @Override
    public List<List<Detection>> detect(List<RgbImage> images) throws ModelException {
        return run(images);
    }
}
