package org.backdrop.model.djl;

import java.util.List;
import org.backdrop.image.RgbImage;
import org.backdrop.model.ClassScores;
import org.backdrop.model.Classifier;
import org.backdrop.model.ModelException;
import org.backdrop.model.spec.ModelSpec;

/** A {@link Classifier} backed by an ONNX or TorchScript model run through DJL. */
final class DjlClassifier extends DjlImageModel<ClassScores> implements Classifier {

    DjlClassifier(ModelSpec spec, ModelService<List<RgbImage>, List<ClassScores>> service, int batchSize) {
        super(spec, service, batchSize);
    }

    @Override
    public List<ClassScores> classify(List<RgbImage> images) throws ModelException {
        return run(images);
    }
}
