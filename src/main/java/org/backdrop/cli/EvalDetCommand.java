package org.backdrop.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Callable;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.eval.coco.CocoDetections;
import org.backdrop.eval.coco.CocoEvalParams;
import org.backdrop.eval.coco.CocoEvaluation;
import org.backdrop.eval.coco.CocoEvaluator;
import org.backdrop.eval.coco.CocoGroundTruth;
import org.backdrop.eval.coco.CocoJsonReader;
import org.backdrop.eval.coco.CocoSummary;
import org.backdrop.eval.coco.IouType;
import org.backdrop.eval.detection.DetectionJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code backdrop eval-det}: COCO box or mask AP and AR of a results file, as pycocotools computes them. */
@Command(
        name = "eval-det",
        description = {
            "Evaluate COCO detections (AP and AR at IoU 0.50:0.95) against COCO ground truth, with pycocotools' numbers.",
            "Without --json, prints the 12 summary lines as pycocotools does."
        },
        footer = {"", "Exit codes: 0 success, 1 wrong usage, 2 invalid input (the message names the file and record),"
                + " 3 with --model: some samples skipped (listed)."})
final class EvalDetCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EvalDetCommand.class);

    /** The values {@code --iou-type} accepts. */
    enum IouTypeOption {
        bbox,
        segm
    }

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--gt", paramLabel = "FILE", description = "Ground truth in COCO instances JSON (with --dt).")
    Path groundTruthFile;

    @Option(names = "--dt", paramLabel = "FILE", description = "Detections in COCO results JSON: a list of {image_id, category_id, bbox, score[, segmentation]}.")
    Path detectionsFile;

    @Option(names = "--model", paramLabel = "FILE", description = "An ONNX detector to run on each --in dataset instead of --gt/--dt (box evaluation).")
    Path model;

    @Option(names = "--spec", paramLabel = "FILE", description = "The detector's spec (default: beside the model, net.onnx -> net.spec.json).")
    Path modelSpecFile;

    @Option(names = "--in", paramLabel = "DATASET", converter = DatasetOptions.LocationConverter.class,
            description = "With --model: a dataset to evaluate on; repeat for the original and each variant. A path, or a URI such as"
                    + " hdfs://namenode:8020/data (Hadoop URIs need a build with -Pspark).")
    List<Path> inputs;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto", description = "With --model: auto, cpu or cuda (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--iou-type", paramLabel = "TYPE", defaultValue = "bbox", description = "bbox (box IoU) or segm (mask IoU). Default: ${DEFAULT-VALUE}.")
    IouTypeOption iouType;

    @Option(names = "--max-dets", split = ",", paramLabel = "N", description = "Detections per image and category that count, comma-separated. Default: 1,10,100.")
    int[] maxDets;

    @Option(names = "--iou-thresholds", split = ",", paramLabel = "T", description = "IoU thresholds in [0, 1], comma-separated. Default: 0.50 to 0.95 in steps of 0.05.")
    double[] iouThresholds;

    @Option(names = "--pycocotools-compat", description = "Reproduce pycocotools' faults: AP is -1 unless --max-dets contains 100, and annotation id 0 never matches.")
    boolean pycocotoolsCompat;

    @Option(names = "--honour-ignore", description = "Treat ground truth with \"ignore\": 1 like a crowd region (pycocotools looks only at iscrowd).")
    boolean honourIgnore;

    @Option(names = "--voc-metric", split = ",", paramLabel = "METRIC", defaultValue = "voc07,voc12",
            description = "With --model on VOC datasets: the VOC mAP to add, voc07 (11-point), voc12 (area) or both, comma-separated."
                    + " Default: ${DEFAULT-VALUE}.")
    List<EvalVocCommand.MetricOption> vocMetrics;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write a results folder: results.json (all numbers and the run's inputs with checksums) and CSV tables.")
    Path outDir;

    @Option(names = "--table", description = "With --model: print a Markdown table row (Original, then each variant) of --table-metric in percent instead of text.")
    boolean table;

    @Option(names = "--table-metric", paramLabel = "NAME",
            description = "The number in --table and table.csv: AP, AP50, AP75, APs, APm, APl, AR1, AR10, AR100, ARs, ARm, ARl, voc07 or voc12"
                    + " (VOC mAP). Default: the first --voc-metric when every dataset is VOC, else AP.")
    String tableMetric;

    @Option(names = "--json", description = "Print one JSON document with the 12 numbers and per-category AP.")
    boolean json;

    @Override
    public Integer call() {
        if (model != null) {
            if (groundTruthFile != null || detectionsFile != null || inputs == null || inputs.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--model needs one or more --in datasets and no --gt or --dt");
            }
            if (tableMetric != null && !CocoSummary.NAMES.contains(tableMetric) && !tableMetric.equals("voc07") && !tableMetric.equals("voc12")) {
                throw new ParameterException(spec.commandLine(), "invalid --table-metric " + tableMetric + ": use one of "
                        + String.join(", ", CocoSummary.NAMES) + ", voc07 or voc12");
            }
            DetectorEvaluation.Options options = new DetectorEvaluation.Options(model, modelSpecFile, inputs, device, params(),
                    vocMetrics.stream().distinct().map(Enum::name).toList(), outDir, table, tableMetric, json);
            return new DetectorEvaluation(spec, options, engineOptions).call();
        }
        if (engineOptions.distributedRequested()) {
            throw new ParameterException(spec.commandLine(), "--engine spark and --master apply to running a detector (--model with --in);"
                    + " evaluating a results file (--gt with --dt) runs on this machine, so leave them out");
        }
        if (groundTruthFile == null || detectionsFile == null) {
            throw new ParameterException(spec.commandLine(), "give --gt FILE and --dt FILE, or --model FILE with --in DATASET");
        }
        if (table || tableMetric != null) {
            throw new ParameterException(spec.commandLine(), "--table and --table-metric compare datasets and need --model with --in");
        }
        CocoEvalParams params = params();
        long start = System.nanoTime();
        CocoGroundTruth groundTruth;
        CocoDetections detections;
        CompletableFuture<CocoGroundTruth> groundTruthRead = CompletableFuture.supplyAsync(() -> readGroundTruth(groundTruthFile, params.iouType() == IouType.SEGM));
        detections = readResults(detectionsFile, params.iouType() == IouType.SEGM);
        groundTruth = join(groundTruthRead);
        LOG.info("Read {} images, {} objects and {} detections in {} ms",
                groundTruth.images().size(), groundTruth.objects().size(), detections.size(), (System.nanoTime() - start) / 1_000_000);

        CocoEvaluation evaluation;
        try {
            evaluation = CocoEvaluator.evaluate(groundTruth, detections, params);
        } catch (EvaluationInputException e) {
            throw new InvalidInputException(detectionsFile + " against " + groundTruthFile + ": " + e.getMessage(), e);
        }
        LOG.info("Evaluated {} in {} ms", params.iouType().cocoName(), (System.nanoTime() - start) / 1_000_000);

        CocoSummary summary = evaluation.summary();
        ObjectNode document = document(summary, evaluation);
        if (outDir != null) {
            writeFolder(document.deepCopy());
        }
        if (json) {
            JsonOutput.print(spec, document);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            summary.lines().forEach(out::println);
            out.flush();
        }
        return ExitCodes.SUCCESS;
    }

    private CocoEvalParams params() {
        CocoEvalParams params = CocoEvalParams.defaults(iouType == IouTypeOption.segm ? IouType.SEGM : IouType.BBOX)
                .withPycocotoolsCompatible(pycocotoolsCompat)
                .withHonourIgnoreFlag(honourIgnore);
        try {
            if (maxDets != null) {
                params = params.withMaxDetections(maxDets);
            }
            if (iouThresholds != null) {
                params = params.withIouThresholds(iouThresholds);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return params;
    }

    private static CocoGroundTruth readGroundTruth(Path file, boolean keepMasks) {
        try {
            return CocoJsonReader.readGroundTruth(file, keepMasks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CocoDetections readResults(Path file, boolean keepMasks) {
        try {
            return CocoJsonReader.readResults(file, keepMasks);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": file not found; check the --dt path", e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (EvaluationInputException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private CocoGroundTruth join(CompletableFuture<CocoGroundTruth> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io && io.getCause() instanceof NoSuchFileException) {
                throw new InvalidInputException(groundTruthFile + ": file not found; check the --gt path", io.getCause());
            }
            if (cause instanceof UncheckedIOException io) {
                throw new InvalidInputException(groundTruthFile + ": cannot be read: " + io.getCause().getMessage(), io.getCause());
            }
            if (cause instanceof EvaluationInputException invalid) {
                throw new InvalidInputException(invalid.getMessage(), invalid);
            }
            throw e;
        }
    }

    private void writeFolder(ObjectNode document) {
        try {
            ResultsFolder folder = ResultsFolder.create(outDir);
            ObjectNode run = ResultsFolder.toolRun("eval-det");
            run.set("groundTruth", ResultsFolder.inputFile(groundTruthFile));
            run.set("detections", ResultsFolder.inputFile(detectionsFile));
            document.set("run", run);
            folder.writeResults(document);

            CsvTable summaryTable = new CsvTable(CocoSummary.NAMES);
            summaryTable.row(CocoSummary.NAMES.stream().map(name -> (Object) document.get(name).asDouble()).toArray());
            folder.writeCsv("summary.csv", summaryTable);
            CsvTable perCategory = new CsvTable(CATEGORY_COLUMNS);
            addCategoryRows(perCategory, document);
            folder.writeCsv("per_category.csv", perCategory);
        } catch (IOException e) {
            throw new InvalidInputException(outDir + ": cannot write the results folder: " + e.getMessage(), e);
        }
    }

    /** The columns that {@link #addCategoryRows} fills, after the leading columns. */
    static final List<String> CATEGORY_COLUMNS = List.of("id", "name", "AP", "AP50", "AP75", "AR100");

    /** Adds one row per category of a {@link #document} to {@code table}: the {@code leading} values, then {@link #CATEGORY_COLUMNS}. */
    static void addCategoryRows(CsvTable table, ObjectNode document, Object... leading) {
        for (com.fasterxml.jackson.databind.JsonNode category : document.get("perCategory")) {
            Object[] row = java.util.Arrays.copyOf(leading, leading.length + CATEGORY_COLUMNS.size());
            int i = leading.length;
            row[i++] = category.get("id").asLong();
            row[i++] = category.get("name").asText();
            for (String metric : CATEGORY_COLUMNS.subList(2, CATEGORY_COLUMNS.size())) {
                row[i++] = category.get(metric).asDouble();
            }
            table.row(row);
        }
    }

    static ObjectNode document(CocoSummary summary, CocoEvaluation evaluation) {
        return DetectionJson.coco(summary, evaluation);
    }
}
