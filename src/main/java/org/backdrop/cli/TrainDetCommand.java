package org.backdrop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.eval.coco.IouType;
import org.backdrop.train.external.CommandWrapper;
import org.backdrop.train.external.DetectorHandoff;
import org.backdrop.train.external.HandoffException;
import org.backdrop.train.external.HandoffOptions;
import org.backdrop.train.external.MetricRecord;
import org.backdrop.train.external.TrainerOutputListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code backdrop train-det}: hands detector training to an external command and evaluates its detections. */
@Command(
        name = "train-det",
        description = {
            "Write the training and validation datasets as COCO or VOC, run an external training command (such as an mmdetection"
                    + " or torchvision script) on them, stream its output into OUT/train.log, parse metric lines into OUT/metrics.jsonl,"
                    + " and evaluate the detections it writes with Backdrop's COCO or VOC metrics into OUT/results.json.",
            "Placeholders in --command and --results: {train}, {val}, {train_annotations}, {val_annotations}, {train_images},"
                    + " {val_images}, {out} (the command's working folder OUT/trainer) and {results}; {{ and }} are literal braces.",
            "The command is split into arguments like a shell command but runs without a shell; use bash -c '...' for pipes."
        },
        footer = {"", "Exit codes: 0 success, 1 wrong usage, 2 invalid input, a failed command or missing results (see OUT/results.json),"
                + " 3 finished with skipped samples."})
class TrainDetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--train", required = true, paramLabel = "DATASET", description = "The training dataset, such as the combined set augment --combine writes.")
    Path train;

    @Option(names = "--val", required = true, paramLabel = "DATASET", description = "The validation dataset that the results file's detections refer to.")
    Path val;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run folder.")
    Path out;

    @Option(names = "--run-file", paramLabel = "FILE",
            description = "A JSON file with any of: command, metricPattern, results, format, iouType, timeoutSeconds, environment (an object)."
                    + " Options given on the command line take precedence.")
    Path runFile;

    @Option(names = "--command", paramLabel = "TEMPLATE", description = "The training command with placeholders.")
    String command;

    @Option(names = "--metric-pattern", paramLabel = "REGEX",
            description = "A Java regular expression for metric lines: groups (?<name>...) and (?<value>...), or one named group per metric;"
                    + " an optional (?<epoch>...) gives the epoch.")
    String metricPattern;

    @Option(names = "--results", paramLabel = "FILE",
            description = "Where the command writes its detections: a COCO results JSON, or for VOC a folder of per-class files."
                    + " Relative to {out}. Default: results.json (COCO) or results (VOC).")
    String results;

    @Option(names = "--format", paramLabel = "FORMAT", description = "coco or voc: the layout written for the command. Default: voc when --val is VOC, else coco.")
    String format;

    @Option(names = "--iou-type", paramLabel = "TYPE", description = "bbox or segm, for COCO evaluation. Default: bbox.")
    String iouType;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "End the command (and its child processes) after this many seconds.")
    Long timeoutSeconds;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable for the command; repeatable.")
    Map<String, String> environment;

    @Option(names = "--json", description = "Print results.json as one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        return run(CommandWrapper.DIRECT);
    }

    /** Runs the hand-off through {@code wrapper}, prints the outcome and returns the exit code. */
    Integer run(CommandWrapper wrapper) {
        for (Path dataset : List.of(train, val)) {
            if (!Files.exists(dataset)) {
                throw new InvalidInputException(dataset + ": dataset not found; give the dataset's folder (or a COCO annotation file)");
            }
        }
        JsonNode file = readRunFile();
        String commandText = choose(command, file, "command");
        if (commandText == null) {
            throw new ParameterException(spec.commandLine(), "give the training command with --command or in --run-file");
        }
        DatasetFormat datasetFormat = format(choose(format, file, "format"));
        String resultsText = choose(results, file, "results");
        if (resultsText == null) {
            resultsText = datasetFormat == DatasetFormat.COCO ? "results.json" : "results";
        }
        String iou = choose(iouType, file, "iouType");
        IouType type = iou == null || iou.equals("bbox") ? IouType.BBOX : iou.equals("segm") ? IouType.SEGM : null;
        if (type == null) {
            throw new ParameterException(spec.commandLine(), "invalid IoU type " + iou + ": use bbox or segm");
        }
        Long timeout = timeoutSeconds != null ? timeoutSeconds : file.has("timeoutSeconds") ? Long.valueOf(file.get("timeoutSeconds").asLong()) : null;
        Map<String, String> env = new LinkedHashMap<>();
        file.path("environment").fields().forEachRemaining(entry -> env.put(entry.getKey(), entry.getValue().asText()));
        if (environment != null) {
            env.putAll(environment);
        }

        HandoffOptions options = new HandoffOptions(train, val, datasetFormat, commandText, choose(metricPattern, file, "metricPattern"),
                resultsText, out, type, timeout == null ? null : Duration.ofSeconds(timeout), env);
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        DetectorHandoff.Result result;
        try {
            result = DetectorHandoff.run(options, wrapper, consoleListener(), progress);
        } catch (HandoffException e) {
            throw new InvalidInputException(e.getMessage(), e);
        } finally {
            progress.finish();
        }

        ObjectNode document = result.document();
        boolean ok = result.status() == DetectorHandoff.Status.SUCCEEDED || result.status() == DetectorHandoff.Status.PREPARED;
        if (!ok) {
            document.put("error", result.message()).put("exitCode", ExitCodes.INVALID_INPUT);
        }
        if (json) {
            JsonOutput.print(spec, document);
        } else {
            printText(document);
        }
        if (!ok) {
            return ExitCodes.INVALID_INPUT;
        }
        return result.skipped().isEmpty() ? ExitCodes.SUCCESS : ExitCodes.SKIPPED;
    }

    private TrainerOutputListener consoleListener() {
        PrintWriter err = spec.commandLine().getErr();
        return new TrainerOutputListener() {
            @Override
            public void line(Stream stream, String text) {
                if (!logging.quiet()) {
                    err.println(text);
                    err.flush();
                }
            }

            @Override
            public void metrics(MetricRecord record) {}
        };
    }

    void printText(ObjectNode document) {
        PrintWriter output = spec.commandLine().getOut();
        output.printf("Status: %s (exit status %d, %.1f s)%n", document.get("status").asText(), document.get("commandExitStatus").asInt(),
                document.get("seconds").asDouble());
        document.get("lastMetrics").fields().forEachRemaining(entry -> output.printf("Last %s: %s%n", entry.getKey(), entry.getValue().asText()));
        JsonNode evaluation = document.get("evaluation");
        if (evaluation != null && evaluation.has("summaryLines")) {
            evaluation.get("summaryLines").forEach(line -> output.println(line.asText()));
        } else if (evaluation != null) {
            evaluation.fields().forEachRemaining(entry -> output.printf("VOC mAP (%s) = %s%n", entry.getKey(), entry.getValue().get("mAP").asText()));
        }
        if (document.hasNonNull("message")) {
            output.println(document.get("message").asText());
        }
        output.println("Results: " + document.get("run").get("out").asText());
        output.flush();
    }

    private JsonNode readRunFile() {
        if (runFile == null) {
            return JsonOutput.mapper().createObjectNode();
        }
        try {
            JsonNode node = JsonOutput.mapper().readTree(Files.readString(runFile));
            if (node == null || !node.isObject()) {
                throw new InvalidInputException(runFile + ": the run file must hold one JSON object");
            }
            for (String key : List.of("command", "metricPattern", "results", "format", "iouType")) {
                if (node.has(key) && !node.get(key).isTextual()) {
                    throw new InvalidInputException(runFile + ": '" + key + "' must be a string");
                }
            }
            return node;
        } catch (IOException e) {
            throw new InvalidInputException(runFile + ": cannot read the run file: " + e.getMessage(), e);
        }
    }

    private static String choose(String option, JsonNode file, String key) {
        return option != null ? option : file.has(key) ? file.get(key).asText() : null;
    }

    private DatasetFormat format(String text) {
        if (text == null) {
            try {
                return DatasetReaders.detect(val).format() == DatasetFormat.VOC ? DatasetFormat.VOC : DatasetFormat.COCO;
            } catch (DatasetException e) {
                throw new InvalidInputException(e.getMessage(), e);
            }
        }
        return switch (text) {
            case "coco" -> DatasetFormat.COCO;
            case "voc" -> DatasetFormat.VOC;
            default -> throw new ParameterException(spec.commandLine(), "invalid format " + text + ": use coco or voc");
        };
    }
}
