package org.backdrop.ui.results;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backdrop.ProgressListener;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.eval.coco.CocoDetections;
import org.backdrop.eval.coco.CocoEvalParams;
import org.backdrop.eval.coco.CocoEvaluation;
import org.backdrop.eval.coco.CocoEvaluator;
import org.backdrop.eval.coco.CocoGroundTruth;
import org.backdrop.eval.coco.CocoJsonReader;
import org.backdrop.eval.coco.IouType;

/**
 * Evaluates COCO results files with {@link CocoEvaluator}, as {@code eval-det --gt --dt} does, with
 * pycocotools' default box settings. Each results file is evaluated against the ground truth of the
 * variant it names, or against the original's when no variant has that name: augmentation keeps every
 * box, so the annotations of all variants agree.
 */
final class DetectionEvaluation {

    private DetectionEvaluation() {}

    /**
     * Evaluates every results file; the first variant is the original.
     *
     * @throws EvaluationException if a ground truth or results file cannot be read or does not fit; the
     *     message names the file
     */
    static EvaluationResults run(List<DetectionsInput> detections, List<VariantInput> variants, ProgressListener progress)
            throws EvaluationException {
        StagedProgress staged = new StagedProgress(progress, detections.size());
        Map<Path, CocoGroundTruth> groundTruths = new HashMap<>();
        Set<String> detectors = new LinkedHashSet<>();
        List<CellResult> cells = new ArrayList<>();
        boolean cancelled = false;

        for (int i = 0; i < detections.size(); i++) {
            if (progress.isCancelled()) {
                cancelled = true;
                break;
            }
            DetectionsInput input = detections.get(i);
            staged.start(i, input.detector() + " on " + input.variant());
            Path groundTruthFile = groundTruthOf(input, variants);
            CocoGroundTruth groundTruth = groundTruths.get(groundTruthFile);
            if (groundTruth == null) {
                groundTruth = readGroundTruth(groundTruthFile);
                groundTruths.put(groundTruthFile, groundTruth);
            }
            CocoDetections results = readResults(input.file());
            CocoEvaluation evaluation;
            try {
                evaluation = CocoEvaluator.evaluate(groundTruth, results, CocoEvalParams.defaults(IouType.BBOX));
            } catch (EvaluationInputException e) {
                throw new EvaluationException(input.file() + " against " + groundTruthFile + ": " + e.getMessage(), e);
            }
            detectors.add(input.detector());
            cells.add(new CellResult(input.detector(), input.variant(), null, evaluation));
        }
        return new EvaluationResults(EvaluationKind.DETECTION, List.copyOf(detectors), columns(variants, cells), cells, List.of(), List.of(),
                List.of(), cancelled);
    }

    /** Returns the variants that have results, in the order of {@code variants}, then any others the results name. */
    private static List<String> columns(List<VariantInput> variants, List<CellResult> cells) {
        Set<String> named = new LinkedHashSet<>();
        cells.forEach(cell -> named.add(cell.variant()));
        Set<String> columns = new LinkedHashSet<>();
        variants.stream().map(VariantInput::name).filter(named::contains).forEach(columns::add);
        columns.addAll(named);
        return List.copyOf(columns);
    }

    private static Path groundTruthOf(DetectionsInput input, List<VariantInput> variants) throws EvaluationException {
        if (variants.isEmpty()) {
            throw new EvaluationException("no ground truth: add the original's COCO instances JSON under Datasets");
        }
        return variants.stream().filter(variant -> variant.name().equals(input.variant())).findFirst().orElse(variants.get(0)).path();
    }

    private static CocoGroundTruth readGroundTruth(Path file) throws EvaluationException {
        try {
            return CocoJsonReader.readGroundTruth(file, false);
        } catch (NoSuchFileException e) {
            throw new EvaluationException(file + ": ground truth file not found", e);
        } catch (IOException | EvaluationInputException e) {
            throw new EvaluationException(file + ": cannot be read as COCO ground truth: " + e.getMessage(), e);
        }
    }

    private static CocoDetections readResults(Path file) throws EvaluationException {
        try {
            return CocoJsonReader.readResults(file, false);
        } catch (NoSuchFileException e) {
            throw new EvaluationException(file + ": results file not found", e);
        } catch (IOException e) {
            throw new EvaluationException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (EvaluationInputException e) {
            throw new EvaluationException(e.getMessage(), e);
        }
    }
}
