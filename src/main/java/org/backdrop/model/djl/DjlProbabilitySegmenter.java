package org.backdrop.model.djl;

import java.util.List;
import org.backdrop.image.RgbImage;
import org.backdrop.model.ForegroundProbabilities;
import org.backdrop.model.ModelException;
import org.backdrop.model.ProbabilitySegmenter;
import org.backdrop.model.spec.ModelSpec;

/** A {@link ProbabilitySegmenter} backed by an ONNX model run through DJL. */
final class DjlProbabilitySegmenter extends DjlImageModel<ForegroundProbabilities> implements ProbabilitySegmenter {

    DjlProbabilitySegmenter(ModelSpec spec, ModelService<List<RgbImage>, List<ForegroundProbabilities>> service, int batchSize) {
        super(spec, service, batchSize);
    }

    @Override
    public List<ForegroundProbabilities> probabilities(List<RgbImage> images) throws ModelException {
        return run(images);
    }
}
