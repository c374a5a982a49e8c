package org.backdrop.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses the {@code output} object of a spec; the kinds allowed depend on the task. */
final class OutputSpecParser {

    private static final Map<ModelTask, List<String>> KINDS = Map.of(
            ModelTask.CLASSIFICATION, List.of("logits", "probabilities"),
            ModelTask.SEGMENTATION, List.of("class-logits", "foreground-probability"),
            ModelTask.DETECTION, List.of("torchvision", "grid"));

    /** torchvision's own default for {@code box_score_thresh} in its detection models. */
    private static final double TORCHVISION_SCORE_THRESHOLD = 0.05;

    private OutputSpecParser() {}

    static OutputSpec parse(SpecObject output, ModelTask task, InputSpec input) throws ModelSpecException {
        String kind = output.requiredText("kind");
        if (!KINDS.get(task).contains(kind)) {
            throw output.error("kind", "has the value \"" + kind + "\", which is not an output of a "
                    + SpecObject.jsonName(task) + " model; use one of " + KINDS.get(task));
        }
        switch (kind) {
            case "logits":
            case "probabilities":
                output.rejectUnknownFields(Set.of("kind"));
                return new OutputSpec.ClassScores(
                        kind.equals("logits") ? OutputSpec.ScoreKind.LOGITS : OutputSpec.ScoreKind.PROBABILITIES);
            case "class-logits":
                return parseClassLabelMask(output, input);
            case "foreground-probability":
                return parseForegroundProbability(output, input);
            case "torchvision":
                output.rejectUnknownFields(Set.of("kind", "scoreThreshold"));
                return new OutputSpec.TorchvisionDetections(probability(output, "scoreThreshold", TORCHVISION_SCORE_THRESHOLD));
            default:
                return parseGrid(output);
        }
    }

    private static OutputSpec parseClassLabelMask(SpecObject output, InputSpec input) throws ModelSpecException {
        output.rejectUnknownFields(Set.of("kind", "backgroundClasses", "layout"));
        List<Integer> background = new ArrayList<>();
        if (output.has("backgroundClasses")) {
            JsonNode classes = output.raw("backgroundClasses");
            if (!classes.isArray()) {
                throw output.error("backgroundClasses", "must be an array of class indices, got " + classes);
            }
            for (JsonNode index : classes) {
                if (!index.isIntegralNumber() || index.asInt() < 0) {
                    throw output.error("backgroundClasses", "must contain class indices of 0 or more, got " + index);
                }
                background.add(index.asInt());
            }
        } else {
            background.add(0);
        }
        TensorLayout layout = output.optionalEnum("layout", TensorLayout.class, input.layout());
        return new OutputSpec.ClassLabelMask(background, layout);
    }

    private static OutputSpec parseForegroundProbability(SpecObject output, InputSpec input) throws ModelSpecException {
        output.rejectUnknownFields(Set.of("kind", "channel", "threshold", "activation", "layout"));
        int channel = output.optionalInt("channel", 0);
        if (channel < 0) {
            throw output.error("channel", "must be 0 or more, got " + channel);
        }
        double threshold = probability(output, "threshold", 0.5);
        OutputSpec.Activation activation = output.optionalEnum("activation", OutputSpec.Activation.class, OutputSpec.Activation.NONE);
        TensorLayout layout = output.optionalEnum("layout", TensorLayout.class, input.layout());
        return new OutputSpec.ForegroundProbability(channel, threshold, activation, layout);
    }

    private static OutputSpec parseGrid(SpecObject output) throws ModelSpecException {
        output.rejectUnknownFields(Set.of("kind", "decoder", "scoreThreshold", "nmsIou", "classAgnosticNms"));
        String decoder = output.requiredText("decoder");
        if (!decoder.equals(OutputSpec.GridDetections.FASTESTDET)) {
            throw output.error("decoder", "has the unknown value \"" + decoder + "\"; the decoders are ["
                    + OutputSpec.GridDetections.FASTESTDET + "]");
        }
        double scoreThreshold = probability(output, "scoreThreshold", Double.NaN);
        double nmsIou = probability(output, "nmsIou", Double.NaN);
        return new OutputSpec.GridDetections(decoder, scoreThreshold, nmsIou, output.optionalBoolean("classAgnosticNms", false));
    }

    /** Reads a value from 0 to 1; a NaN {@code fallback} makes the field required. */
    private static double probability(SpecObject output, String name, double fallback) throws ModelSpecException {
        double value = Double.isNaN(fallback) ? output.requiredDouble(name) : output.optionalDouble(name, fallback);
        if (value < 0 || value > 1) {
            throw output.error(name, "must be from 0 to 1, got " + value);
        }
        return value;
    }
}
