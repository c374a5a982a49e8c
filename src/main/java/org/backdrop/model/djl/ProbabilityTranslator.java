package org.backdrop.model.djl;

import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.model.ForegroundProbabilities;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.OutputSpec;

/**
 * Runs a segmentation model whose output is a foreground probability channel and returns the
 * probabilities at each image's own size, before any threshold.
 */
final class ProbabilityTranslator extends ImageBatchTranslator<ForegroundProbabilities> {

    private final OutputSpec.ForegroundProbability output;

    private ProbabilityTranslator(SegmentationTranslator.Builder builder, OutputSpec.ForegroundProbability output) {
        super(builder);
        this.output = output;
    }

    /**
     * Builds the translator a foreground-probability spec describes.
     *
     * @throws IllegalArgumentException if the spec's output is not a foreground probability
     */
    static ProbabilityTranslator fromSpec(ModelSpec spec) {
        if (!(spec.output() instanceof OutputSpec.ForegroundProbability probability)) {
            throw new IllegalArgumentException("a probability translator needs a foreground-probability output, got " + spec.output());
        }
        SegmentationTranslator.Builder builder = SegmentationTranslator.builder().setInput(spec.input()).setPreprocessing(spec.preprocessing());
        return new ProbabilityTranslator(builder, probability);
    }

    @Override
    List<ForegroundProbabilities> decode(NDList outputs, List<ImageTransform> transforms) {
        List<ForegroundProbabilities> maps = new ArrayList<>();
        List<MaskDecoder.OutputPlane> planes = SegmentationTranslator.planes(outputs, transforms.size(), output.layout());
        for (int i = 0; i < planes.size(); i++) {
            MaskDecoder.OutputPlane plane = planes.get(i);
            float[] values = MaskDecoder.probabilities(plane, output.channel(), output.activation());
            maps.add(MaskDecoder.probabilitiesToOriginalSize(values, plane.width(), plane.height(), transforms.get(i)));
        }
        return maps;
    }
}
