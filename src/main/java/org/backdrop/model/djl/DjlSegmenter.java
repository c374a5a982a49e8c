package org.backdrop.model.djl;

import java.util.List;
import org.backdrop.image.RgbImage;
import org.backdrop.model.ForegroundMask;
import org.backdrop.model.ModelException;
import org.backdrop.model.Segmenter;
import org.backdrop.model.spec.ModelSpec;

/** A {@link Segmenter} backed by an ONNX model run through DJL. */
final class DjlSegmenter extends DjlImageModel<ForegroundMask> implements Segmenter {

    DjlSegmenter(ModelSpec spec, ModelService<List<RgbImage>, List<ForegroundMask>> service, int batchSize) {
        super(spec, service, batchSize);
    }

    @Override
    public List<ForegroundMask> segment(List<RgbImage> images) throws ModelException {
        return run(images);
    }
}
