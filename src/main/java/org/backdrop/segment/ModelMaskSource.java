package org.backdrop.segment;

import java.io.IOException;
import java.util.List;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.backdrop.model.ForegroundMask;
import org.backdrop.model.ModelException;
import org.backdrop.model.Segmenter;

/**
 * Takes masks from a segmentation model, such as an ONNX DeepLabv3 or a person-segmentation model, as its
 * spec describes it: the model's foreground at the image's size. The source owns the model and closes it.
 */
public final class ModelMaskSource implements MaskSource {

    private final Segmenter segmenter;

    public ModelMaskSource(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public MaskResult compute(Dataset dataset, Sample sample, SampleImages images) throws IOException {
        RgbImage image = images.load(dataset, sample);
        ForegroundMask mask;
        try {
            mask = segmenter.segment(List.of(image)).get(0);
        } catch (ModelException e) {
            throw new IOException("the segmentation model failed on " + sample.image().describe() + ": " + e.getMessage(), e);
        }
        Rle rle = Rle.fromRowMajor(mask.pixels(), mask.width(), mask.height());
        if (rle.area() == 0) {
            return new MaskResult.Rejected("the model found no foreground");
        }
        return new MaskResult.Found(rle);
    }

    @Override
    public void close() {
        segmenter.close();
    }
}
