package org.backdrop.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.eval.detection.DetectionJson;
import org.backdrop.eval.voc.VocAnnotationReader;
import org.backdrop.eval.voc.VocClassResult;
import org.backdrop.eval.voc.VocDetection;
import org.backdrop.eval.voc.VocDetectionReader;
import org.backdrop.eval.voc.VocEvaluation;
import org.backdrop.eval.voc.VocEvaluator;
import org.backdrop.eval.voc.VocMetric;
import org.backdrop.eval.voc.VocObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code backdrop eval-voc}: PASCAL VOC AP per class and mAP, as py-faster-rcnn's voc_eval computes them. */
@Command(
        name = "eval-voc",
        description = {
            "Evaluate PASCAL VOC detections: AP per class and mAP, with the numbers of py-faster-rcnn's voc_eval.",
            "The detections folder holds one file per class, named <class>.txt, det_test_<class>.txt or comp4_det_test_<class>.txt,"
                    + " with lines <image> <score> <xmin> <ymin> <xmax> <ymax>."
        },
        footer = {"", "Exit codes: 0 success, 1 wrong usage, 2 invalid input (the message names the file and record)."})
final class EvalVocCommand implements Callable<Integer> {

    /** The values {@code --metric} accepts. */
    enum MetricOption {
        voc07,
        voc12
    }

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--annotations", required = true, paramLabel = "DIR", description = "Folder of VOC annotation files <image>.xml.")
    Path annotations;

    @Option(names = "--imageset", required = true, paramLabel = "FILE", description = "Image set file, such as ImageSets/Main/test.txt: one image id per line.")
    Path imageSet;

    @Option(names = "--detections", required = true, paramLabel = "DIR", description = "Folder of detection files, one per class.")
    Path detectionsFolder;

    @Option(names = "--metric", required = true, paramLabel = "METRIC", description = "voc07 (11-point AP of VOC2007) or voc12 (area under the curve, VOC2010 on).")
    MetricOption metric;

    @Option(names = "--iou-threshold", paramLabel = "T", defaultValue = "0.5", description = "IoU that a match must exceed. Default: ${DEFAULT-VALUE}.")
    double iouThreshold;

    @Option(names = "--classes", split = ",", paramLabel = "NAME", description = "Classes to evaluate, in this order. Default: every class of the annotations and detection files, sorted by name.")
    List<String> classes;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write a results folder: results.json (all numbers and the input files) and per_class.csv.")
    Path outDir;

    @Option(names = "--json", description = "Print one JSON document with mAP and per-class AP, detections and final recall and precision.")
    boolean json;

    @Override
    public Integer call() {
        if (!(iouThreshold >= 0 && iouThreshold < 1)) {
            throw new ParameterException(spec.commandLine(), "invalid --iou-threshold " + iouThreshold + ": use a value in [0, 1)");
        }
        VocMetric vocMetric = metric == MetricOption.voc07 ? VocMetric.VOC07_11_POINT : VocMetric.AREA;
        VocEvaluation evaluation;
        try {
            List<String> imageIds = VocAnnotationReader.readImageSet(imageSet);
            Map<String, List<VocObject>> objects = VocAnnotationReader.readAll(annotations, imageIds);
            Map<String, List<VocDetection>> detections = VocDetectionReader.readFolder(detectionsFolder);
            evaluation = VocEvaluator.evaluate(objects, detections, classes, iouThreshold, vocMetric);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(e.getFile() + ": not found; check the --annotations, --imageset and --detections paths", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the VOC files: " + e.getMessage(), e);
        } catch (EvaluationInputException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }

        ObjectNode document = document(evaluation, metric.name(), iouThreshold);
        if (outDir != null) {
            writeFolder(document, evaluation);
        }
        if (json) {
            JsonOutput.print(spec, document);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            for (VocClassResult result : evaluation.classes().values()) {
                out.println(String.format(Locale.ROOT, "%-20s AP = %s  (%d detections, recall %s, precision %s)",
                        result.className(), decimal(result.ap()), result.detections(), decimal(result.finalRecall()), decimal(result.finalPrecision())));
            }
            out.println(String.format(Locale.ROOT, "%-20s    = %s", "mAP", decimal(evaluation.map())));
            out.flush();
        }
        return ExitCodes.SUCCESS;
    }

    private static String decimal(double value) {
        return Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.4f", value);
    }

    private void writeFolder(ObjectNode document, VocEvaluation evaluation) {
        try {
            ResultsFolder folder = ResultsFolder.create(outDir);
            ObjectNode results = document.deepCopy();
            ObjectNode run = ResultsFolder.toolRun("eval-voc");
            run.put("annotations", annotations.toAbsolutePath().toString());
            run.set("imageset", ResultsFolder.inputFile(imageSet));
            run.put("detections", detectionsFolder.toAbsolutePath().toString());
            results.set("run", run);
            folder.writeResults(results);
            CsvTable perClass = new CsvTable(CLASS_COLUMNS);
            addClassRows(perClass, evaluation);
            folder.writeCsv("per_class.csv", perClass);
        } catch (IOException e) {
            throw new InvalidInputException(outDir + ": cannot write the results folder: " + e.getMessage(), e);
        }
    }

    /** The columns that {@link #addClassRows} fills, after the leading columns. */
    static final List<String> CLASS_COLUMNS = List.of("class", "AP", "detections", "positives", "recall", "precision");

    /** Adds one row per class to {@code table}: the {@code leading} values, then {@link #CLASS_COLUMNS}. */
    static void addClassRows(CsvTable table, VocEvaluation evaluation, Object... leading) {
        for (VocClassResult result : evaluation.classes().values()) {
            Object[] row = java.util.Arrays.copyOf(leading, leading.length + CLASS_COLUMNS.size());
            int i = leading.length;
            row[i++] = result.className();
            row[i++] = result.ap();
            row[i++] = result.detections();
            row[i++] = result.positives();
            row[i++] = result.finalRecall();
            row[i] = result.finalPrecision();
            table.row(row);
        }
    }

    static ObjectNode document(VocEvaluation evaluation, String metric, double iouThreshold) {
        return DetectionJson.voc(evaluation, metric, iouThreshold);
    }
}
