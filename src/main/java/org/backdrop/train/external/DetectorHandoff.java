package org.backdrop.train.external;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.backdrop.BackdropVersion;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.dataset.DatasetWriters;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.WriteReport;
import org.backdrop.dataset.coco.CocoWriter;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.eval.coco.CocoEvalParams;
import org.backdrop.eval.coco.CocoEvaluation;
import org.backdrop.eval.coco.CocoEvaluator;
import org.backdrop.eval.coco.CocoJsonReader;
import org.backdrop.eval.coco.IouType;
import org.backdrop.eval.detection.DetectionJson;
import org.backdrop.eval.voc.VocAnnotationReader;
import org.backdrop.eval.voc.VocDetectionReader;
import org.backdrop.eval.voc.VocEvaluation;
import org.backdrop.eval.voc.VocEvaluator;
import org.backdrop.eval.voc.VocMetric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands detector training to an external command and evaluates what it produces.
 *
 * <ol>
 *   <li>Writes the training and validation datasets as COCO or VOC under {@code OUT/data/train} and
 *       {@code OUT/data/val}, with the same writers as {@code convert}.
 *   <li>Runs the command template with these placeholders: {@code {train}} and {@code {val}} (the
 *       dataset folders), {@code {train_annotations}} and {@code {val_annotations}} (COCO's
 *       {@code annotations.json}, or VOC's {@code Annotations} folder), {@code {train_images}} and
 *       {@code {val_images}} ({@code images} or {@code JPEGImages}), {@code {out}} (the command's
 *       working folder {@code OUT/trainer}) and {@code {results}} (the results path).
 *   <li>Streams its output into {@code OUT/train.log} and the listener, and metric lines into
 *       {@code OUT/metrics.jsonl}: one object per matching line with {@code epoch} (or null), each
 *       metric by name, and the output {@code line} number.
 *   <li>After exit status 0, evaluates the results: for COCO a results JSON (image ids of the written
 *       {@code val} annotations) with pycocotools' AP/AR; for VOC a folder of per-class files
 *       ({@code <image> <score> <xmin> <ymin> <xmax> <ymax>}) with VOC07 and VOC12 mAP at IoU 0.5.
 *   <li>Writes {@code OUT/results.json} in every case, with the run's inputs, status and numbers.
 * </ol>
 */
public final class DetectorHandoff {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorHandoff.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double VOC_IOU_THRESHOLD = 0.5;

    /** The end state of a hand-off run. */
    public enum Status {
        /** The command exited with status 0 and its results were evaluated. */
        SUCCEEDED,
        /** The command exited with a status other than 0. */
        FAILED,
        /** The command exited with status 0 but the results file is missing or invalid. */
        INVALID_RESULTS,
        /** The run folder was written, and the user starts the job; see {@link CommandWrapper}. */
        PREPARED,
        /** The listener cancelled the run. */
        CANCELLED,
        /** The command ran longer than the time limit. */
        TIMED_OUT
    }

    /**
     * The outcome of a run.
     *
     * @param status how the run ended
     * @param message a sentence on what went wrong, or null when the run succeeded
     * @param process how the command ended, or null when nothing ran ({@link Status#PREPARED})
     * @param results the evaluated results path
     * @param document the contents of {@code results.json}
     * @param skipped samples that could not be written for the command
     */
    public record Result(Status status, String message, TrainerProcess.Outcome process, Path results, ObjectNode document,
            List<InvalidSample> skipped) {}

    private DetectorHandoff() {}

    /**
     * Runs the hand-off; see the class description.
     *
     * @throws HandoffException if a dataset cannot be read or written, the template or pattern is invalid,
     *     or the command cannot be started
     */
    public static Result run(HandoffOptions options, TrainerOutputListener listener, ProgressListener progress) {
        return run(options, CommandWrapper.DIRECT, listener, progress);
    }

    /**
     * Runs the hand-off with the command that {@code wrapper} makes of the expanded training command;
     * when it returns null, writes the datasets and {@code results.json} with status {@code prepared}.
     *
     * @throws HandoffException as {@link #run(HandoffOptions, TrainerOutputListener, ProgressListener)},
     *     and if the wrapper cannot write its files
     */
    public static Result run(HandoffOptions options, CommandWrapper wrapper, TrainerOutputListener listener, ProgressListener progress) {
        CommandTemplate template;
        MetricPattern pattern;
        try {
            template = CommandTemplate.parse(options.command());
            pattern = options.metricPattern() == null ? null : MetricPattern.compile(options.metricPattern());
        } catch (IllegalArgumentException e) {
            throw new HandoffException(e.getMessage(), e);
        }

        Path out = options.out().toAbsolutePath().normalize();
        Path trainDir = out.resolve("data").resolve("train");
        Path valDir = out.resolve("data").resolve("val");
        Path workDir = out.resolve("trainer");
        Map<String, String> placeholders = placeholders(options.format(), trainDir, valDir, workDir);
        Path results;
        List<String> argv;
        try {
            results = workDir.resolve(CommandTemplate.substitute(options.results(), placeholders)).normalize();
            placeholders.put("results", results.toString());
            argv = template.expand(placeholders);
        } catch (IllegalArgumentException e) {
            throw new HandoffException(e.getMessage(), e);
        }

        List<InvalidSample> skipped = new ArrayList<>();
        skipped.addAll(write(options.train(), options.format(), trainDir, progress));
        skipped.addAll(write(options.val(), options.format(), valDir, progress));

        List<String> launch;
        TrainerProcess.Outcome outcome = null;
        try {
            launch = wrapper.wrap(argv, out, workDir);
            if (launch != null) {
                outcome = new TrainerProcess(out.resolve("train.log"), out.resolve("metrics.jsonl"), pattern, listener)
                        .run(launch, workDir, options.environment(), options.timeout(), progress);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new HandoffException(e.getMessage(), e);
        }

        ObjectNode document = MAPPER.createObjectNode();
        ObjectNode run = runNode(options, template, argv, out, results);
        if (wrapper != CommandWrapper.DIRECT) {
            ArrayNode launched = run.putArray("launch");
            if (launch != null) {
                launch.forEach(launched::add);
            }
            wrapper.describe(run);
        }
        document.set("run", run);
        Status status;
        String message = null;
        if (outcome == null) {
            status = Status.PREPARED;
        } else if (outcome.cancelled()) {
            status = Status.CANCELLED;
            message = "the run was cancelled; the command and its child processes were ended";
        } else if (outcome.timedOut()) {
            status = Status.TIMED_OUT;
            message = "the command ran longer than " + options.timeout().toSeconds() + " s and was ended";
        } else if (outcome.exitCode() != 0) {
            status = Status.FAILED;
            message = launch.get(0) + " exited with status " + outcome.exitCode() + "; see " + out.resolve("train.log");
        } else {
            status = Status.SUCCEEDED;
            try {
                document.set("evaluation", evaluate(options, valDir, results));
            } catch (IOException | EvaluationInputException e) {
                status = Status.INVALID_RESULTS;
                message = describe(results, e);
            }
        }
        putOutcome(document, status, message, outcome, skipped);
        try {
            AtomicFiles.write(out.resolve("results.json"), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
        } catch (IOException e) {
            throw new HandoffException(out.resolve("results.json") + ": cannot be written: " + e.getMessage(), e);
        }
        if (message != null) {
            LOG.warn("{}", message);
        }
        return new Result(status, message, outcome, results, document, skipped);
    }

    private static List<InvalidSample> write(Path input, DatasetFormat format, Path target, ProgressListener progress) {
        try {
            // NOTE: an absolute path, because VocSampleReader fails to relativize image paths of a relative VOC root.
            Path root = input.toAbsolutePath();
            Dataset dataset = DatasetReaders.detect(root).read(root, ReadOptions.defaults(), progress);
            WriteReport report = DatasetWriters.forFormat(format).writeWithReport(dataset, new DatasetImages(), target, progress);
            LOG.info("Wrote {} samples of {} as {} to {}", report.written(), input, format.cliName(), target);
            List<InvalidSample> skipped = new ArrayList<>(dataset.invalid());
            skipped.addAll(report.skipped());
            return skipped;
        } catch (DatasetException e) {
            throw new HandoffException(e.getMessage(), e);
        }
    }

    private static Map<String, String> placeholders(DatasetFormat format, Path trainDir, Path valDir, Path workDir) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("train", trainDir.toString());
        values.put("val", valDir.toString());
        boolean coco = format == DatasetFormat.COCO;
        values.put("train_annotations", (coco ? trainDir.resolve(CocoWriter.ANNOTATION_FILE) : trainDir.resolve("Annotations")).toString());
        values.put("val_annotations", (coco ? valDir.resolve(CocoWriter.ANNOTATION_FILE) : valDir.resolve("Annotations")).toString());
        values.put("train_images", trainDir.resolve(coco ? CocoWriter.IMAGE_FOLDER : "JPEGImages").toString());
        values.put("val_images", valDir.resolve(coco ? CocoWriter.IMAGE_FOLDER : "JPEGImages").toString());
        values.put("out", workDir.toString());
        return values;
    }

    private static ObjectNode evaluate(HandoffOptions options, Path valDir, Path results) throws IOException {
        if (options.format() == DatasetFormat.COCO) {
            boolean masks = options.iouType() == IouType.SEGM;
            CocoEvaluation evaluation = CocoEvaluator.evaluate(CocoJsonReader.readGroundTruth(valDir.resolve(CocoWriter.ANNOTATION_FILE), masks),
                    CocoJsonReader.readResults(results, masks), CocoEvalParams.defaults(options.iouType()));
            return DetectionJson.coco(evaluation.summary(), evaluation);
        }

        List<String> imageIds;
        try (Stream<Path> files = Files.list(valDir.resolve("Annotations"))) {
            imageIds = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".xml"))
                    .map(name -> name.substring(0, name.length() - ".xml".length())).sorted().toList();
        }
        var objects = VocAnnotationReader.readAll(valDir.resolve("Annotations"), imageIds);
        if (!Files.isDirectory(results)) {
            throw new EvaluationInputException("for VOC the results must be a folder of per-class detection files, such as <class>.txt");
        }
        var detections = VocDetectionReader.readFolder(results);
        ObjectNode voc = MAPPER.createObjectNode();
        for (VocMetric metric : VocMetric.values()) {
            String name = metric == VocMetric.VOC07_11_POINT ? "voc07" : "voc12";
            VocEvaluation evaluation = VocEvaluator.evaluate(objects, detections, null, VOC_IOU_THRESHOLD, metric);
            voc.set(name, DetectionJson.voc(evaluation, name, VOC_IOU_THRESHOLD));
        }
        return voc;
    }

    private static String describe(Path results, Exception e) {
        if (e instanceof NoSuchFileException) {
            return results + ": the command exited with status 0 but wrote no results there; check --results and the command's output";
        }
        return results + ": cannot evaluate the command's results: " + e.getMessage();
    }

    private static ObjectNode runNode(HandoffOptions options, CommandTemplate template, List<String> argv, Path out, Path results) {
        ObjectNode run = MAPPER.createObjectNode();
        run.put("tool", "backdrop").put("version", BackdropVersion.get()).put("command", "train-det");
        run.put("template", template.text());
        ArrayNode args = run.putArray("argv");
        argv.forEach(args::add);
        run.put("train", options.train().toAbsolutePath().toString());
        run.put("val", options.val().toAbsolutePath().toString());
        run.put("format", options.format().cliName());
        run.put("iouType", options.iouType().cocoName());
        if (options.metricPattern() == null) {
            run.putNull("metricPattern");
        } else {
            run.put("metricPattern", options.metricPattern());
        }
        run.put("out", out.toString());
        run.put("log", out.resolve("train.log").toString());
        run.put("metrics", out.resolve("metrics.jsonl").toString());
        run.put("results", results.toString());
        return run;
    }

    private static void putOutcome(ObjectNode document, Status status, String message, TrainerProcess.Outcome outcome, List<InvalidSample> skipped) {
        document.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        if (message == null) {
            document.putNull("message");
        } else {
            document.put("message", message);
        }
        ObjectNode last;
        if (outcome == null) {
            document.putNull("commandExitStatus");
            document.put("seconds", 0.0);
            document.put("outputLines", 0);
            document.put("metricLines", 0);
            last = document.putObject("lastMetrics");
        } else {
            document.put("commandExitStatus", outcome.exitCode());
            document.put("seconds", outcome.seconds());
            document.put("outputLines", outcome.lines());
            document.put("metricLines", outcome.metrics().size());
            last = document.putObject("lastMetrics");
            for (MetricRecord record : outcome.metrics()) {
                record.values().forEach(last::put);
            }
        }
        ArrayNode skippedList = document.putArray("skipped");
        skipped.forEach(sample -> skippedList.addObject().put("file", sample.file()).put("reason", sample.reason()));
    }
}
