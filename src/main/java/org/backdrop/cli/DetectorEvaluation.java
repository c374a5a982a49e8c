package org.backdrop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.eval.coco.CocoEvalParams;
import org.backdrop.eval.coco.CocoEvaluation;
import org.backdrop.eval.coco.CocoEvaluator;
import org.backdrop.eval.detection.DatasetGroundTruth;
import org.backdrop.eval.detection.DetectorRunner;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.Detector;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.djl.OnnxModels;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eval-det --model FILE --in DATASET ...}: runs a detector on the original and each variant and
 * evaluates its boxes against each dataset's annotations with COCO's metrics. With {@code --json} it
 * prints {@code {"model", "device", "variants": [{"name", "path", <the 12 numbers>, "perCategory",
 * "unmatchedClasses", "skipped"}]}}.
 */
final class DetectorEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorEvaluation.class);

    private final CommandSpec spec;
    private final Path model;
    private final Path specFile;
    private final List<Path> inputs;
    private final String device;
    private final CocoEvalParams params;
    private final boolean json;

    DetectorEvaluation(CommandSpec spec, Path model, Path specFile, List<Path> inputs, String device, CocoEvalParams params, boolean json) {
        this.spec = spec;
        this.model = model;
        this.specFile = specFile;
        this.inputs = inputs;
        this.device = device;
        this.params = params;
        this.json = json;
    }

    int call() {
        ModelSpec modelSpec = ModelSources.readSpec(model, specFile);
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        ObjectNode root = JsonOutput.mapper().createObjectNode();
        root.put("model", model.toAbsolutePath().toString());
        ArrayNode variants = root.putArray("variants");
        PrintWriter out = spec.commandLine().getOut();
        int skippedCount = 0;

        try (Detector detector = loadDetector(modelSpec)) {
            root.put("device", detector.device().name());
            DatasetImages images = new DatasetImages();
            for (Path input : inputs) {
                Dataset dataset = DatasetOptions.read(input, null, ReadOptions.defaults(), progress);
                DetectorRunner.Run run = DetectorRunner.run(detector, dataset, images, progress);
                CocoEvaluation evaluation = CocoEvaluator.evaluate(DatasetGroundTruth.of(dataset), run.detections(), params);
                if (!run.unmatchedClasses().isEmpty()) {
                    LOG.warn("{}: the model's classes {} name no category of the dataset; their detections are left out", input,
                            run.unmatchedClasses());
                }
                List<InvalidSample> skipped = new ArrayList<>(dataset.invalid());
                skipped.addAll(run.skipped());
                skippedCount += skipped.size();

                ObjectNode variant = EvalDetCommand.document(evaluation.summary(), evaluation);
                variant.put("name", input.getFileName().toString());
                variant.put("path", input.toAbsolutePath().toString());
                ArrayNode unmatched = variant.putArray("unmatchedClasses");
                run.unmatchedClasses().forEach(unmatched::add);
                ArrayNode skippedList = variant.putArray("skipped");
                skipped.forEach(sample -> skippedList.addObject().put("file", sample.file()).put("reason", sample.reason()));
                variants.add(variant);
                if (!json) {
                    out.printf("%s (%d images, %d detections)%n", input, dataset.samples().size(), run.detections().size());
                    evaluation.summary().lines().forEach(out::println);
                    out.println();
                }
            }
        } catch (ModelException e) {
            throw new InvalidInputException(model + ": " + e.getMessage(), e);
        } catch (EvaluationInputException e) {
            throw new InvalidInputException("evaluating " + model + ": " + e.getMessage(), e);
        } finally {
            progress.finish();
        }

        if (json) {
            JsonOutput.print(spec, root);
        } else {
            out.flush();
        }
        return skippedCount == 0 ? ExitCodes.SUCCESS : ExitCodes.SKIPPED;
    }

    private Detector loadDetector(ModelSpec modelSpec) {
        try {
            return OnnxModels.detector(model, modelSpec, ModelOptions.defaults().withDevice(DeviceRequest.parse(device)));
        } catch (IllegalArgumentException | ModelSpecException | ModelException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
