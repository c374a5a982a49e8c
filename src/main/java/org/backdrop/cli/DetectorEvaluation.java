package org.backdrop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.engine.DistributedEngine;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.eval.coco.CocoEvalParams;
import org.backdrop.eval.coco.CocoEvaluation;
import org.backdrop.eval.coco.CocoEvaluator;
import org.backdrop.eval.coco.CocoSummary;
import org.backdrop.eval.detection.DatasetGroundTruth;
import org.backdrop.eval.detection.DatasetVocEvaluation;
import org.backdrop.eval.detection.DetectionEngine;
import org.backdrop.eval.detection.DetectionJob;
import org.backdrop.eval.detection.DetectorRunner;
import org.backdrop.eval.voc.VocEvaluation;
import org.backdrop.eval.voc.VocMetric;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.Detector;
import org.backdrop.model.InferenceDevice;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.djl.OnnxModels;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelSpecReader;
import org.backdrop.model.spec.PortableSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eval-det --model FILE --in DATASET ...}: runs a detector on the original and each variant and
 * evaluates its boxes against each dataset's annotations with COCO's metrics, and for VOC datasets also
 * with VOC mAP at IoU 0.5. With {@code --json} it prints {@code {"model", "device", "variants": [{"name",
 * "path", "format", <the 12 numbers>, "perCategory", "voc": {"voc07": {"mAP", "classes"}, "voc12": ...},
 * "unmatchedClasses", "skipped"}]}}; {@code voc} is present for VOC datasets only.
 */
final class DetectorEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorEvaluation.class);
    private static final double VOC_IOU_THRESHOLD = 0.5;

    /**
     * The options of an {@code eval-det --model} run.
     *
     * @param vocMetrics {@code voc07} and/or {@code voc12}, the VOC mAP added for VOC datasets
     * @param outDir the results folder, or null
     * @param tableMetric one of {@link CocoSummary#NAMES}, {@code voc07} or {@code voc12}; null for the default
     */
    record Options(Path model, Path specFile, List<Path> inputs, String device, CocoEvalParams params, List<String> vocMetrics, Path outDir,
            boolean table, String tableMetric, boolean json) {}

    /** One dataset's results. */
    private record VariantResult(Path path, String name, Dataset dataset, ObjectNode document, Map<String, VocEvaluation> voc) {

        /** Returns the VOC mAP by metric name, empty for a dataset that is not VOC. */
        Map<String, Double> vocMaps() {
            Map<String, Double> maps = new LinkedHashMap<>();
            voc.forEach((metric, evaluation) -> maps.put(metric, evaluation.map()));
            return maps;
        }
    }

    private final CommandSpec spec;
    private final Options options;
    private final EngineOptions engineOptions;

    DetectorEvaluation(CommandSpec spec, Options options, EngineOptions engineOptions) {
        this.spec = spec;
        this.options = options;
        this.engineOptions = engineOptions;
    }

    int call() {
        ModelSpec modelSpec = ModelSources.readSpec(options.model(), options.specFile());
        OnnxDetectorFactory factory = detectorFactory();
        try (DistributedEngine engine = engineOptions.open()) {
            return call(modelSpec, factory, engine);
        }
    }

    private int call(ModelSpec modelSpec, OnnxDetectorFactory factory, DistributedEngine engine) {
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        boolean text = !options.json() && !options.table();
        List<VariantResult> results = new ArrayList<>();
        InferenceDevice device;

        try (Detector detector = loadDetector(factory)) {
            device = detector.device();
            DatasetImages images = new DatasetImages();
            for (Path input : options.inputs()) {
                Dataset dataset = DatasetOptions.read(input, null, ReadOptions.defaults(), progress);
                DetectorRunner.Run run = engine == null
                        ? DetectorRunner.run(detector, dataset, images, progress)
                        : detectOn(engine.detection(), input, dataset, DetectorRunner.batchSize(detector), factory, progress);
                VariantResult result = evaluate(input, dataset, run);
                results.add(result);
                if (text) {
                    printText(out, result, run.detections().size());
                }
            }
        } catch (ModelException e) {
            throw new InvalidInputException(options.model() + ": " + e.getMessage(), e);
        } catch (EvaluationInputException e) {
            throw new InvalidInputException("evaluating " + options.model() + ": " + e.getMessage(), e);
        } finally {
            progress.finish();
        }

        ObjectNode root = JsonOutput.mapper().createObjectNode();
        root.put("model", options.model().toAbsolutePath().toString());
        root.put("device", device.name());
        ArrayNode variants = root.putArray("variants");
        results.forEach(result -> variants.add(result.document()));
        PaperTable paperTable = paperTable(results);
        if (options.outDir() != null) {
            writeFolder(root.deepCopy(), results, paperTable, modelSpec, device);
        }

        if (options.json()) {
            JsonOutput.print(spec, root);
        } else if (options.table()) {
            paperTable.printMarkdown(out);
        } else {
            out.flush();
        }
        int skippedCount = 0;
        for (VariantResult result : results) {
            skippedCount += result.document().get("skipped").size();
        }
        return skippedCount == 0 ? ExitCodes.SUCCESS : ExitCodes.SKIPPED;
    }

    private VariantResult evaluate(Path input, Dataset dataset, DetectorRunner.Run run) {
        CocoEvaluation evaluation = CocoEvaluator.evaluate(DatasetGroundTruth.of(dataset), run.detections(), options.params());
        if (!run.unmatchedClasses().isEmpty()) {
            LOG.warn("{}: the model's classes {} name no category of the dataset; their detections are left out", input, run.unmatchedClasses());
        }
        List<InvalidSample> skipped = new ArrayList<>(dataset.invalid());
        skipped.addAll(run.skipped());
        skipped.forEach(sample -> LOG.warn("Skipped in {}: {}: {}", input, sample.file(), sample.reason()));

        String name = name(input);
        ObjectNode document = EvalDetCommand.document(evaluation.summary(), evaluation);
        document.put("name", name);
        document.put("path", input.toAbsolutePath().toString());
        document.put("format", dataset.format().name().toLowerCase(Locale.ROOT));
        document.put("images", dataset.samples().size());
        document.put("detections", run.detections().size());
        Map<String, VocEvaluation> vocResults = new LinkedHashMap<>();
        if (dataset.format() == DatasetFormat.VOC) {
            ObjectNode voc = document.putObject("voc");
            for (String metric : options.vocMetrics()) {
                VocMetric vocMetric = metric.equals("voc07") ? VocMetric.VOC07_11_POINT : VocMetric.AREA;
                VocEvaluation vocEvaluation = DatasetVocEvaluation.evaluate(dataset, run.detections(), VOC_IOU_THRESHOLD, vocMetric);
                voc.set(metric, EvalVocCommand.document(vocEvaluation, metric, VOC_IOU_THRESHOLD));
                vocResults.put(metric, vocEvaluation);
            }
        }
        ArrayNode unmatched = document.putArray("unmatchedClasses");
        run.unmatchedClasses().forEach(unmatched::add);
        ArrayNode skippedList = document.putArray("skipped");
        skipped.forEach(sample -> skippedList.addObject().put("file", sample.file()).put("reason", sample.reason()));
        return new VariantResult(input, name, dataset, document, vocResults);
    }

    private void printText(PrintWriter out, VariantResult result, int detections) {
        out.printf("%s (%d images, %d detections)%n", result.path(), result.dataset().samples().size(), detections);
        result.document().get("summaryLines").forEach(line -> out.println(line.asText()));
        result.vocMaps().forEach((metric, map) -> out.printf(Locale.ROOT, "VOC mAP (%s, IoU > 0.5) = %s%n", metric,
                Double.isNaN(map) ? "undefined" : String.format(Locale.ROOT, "%.4f", map)));
        out.println();
    }

    private PaperTable paperTable(List<VariantResult> results) {
        String metric = options.tableMetric();
        if (metric == null) {
            boolean allVoc = results.stream().allMatch(result -> result.dataset().format() == DatasetFormat.VOC);
            metric = allVoc && !options.vocMetrics().isEmpty() ? options.vocMetrics().get(0) : "AP";
        }
        List<Double> values = new ArrayList<>();
        for (VariantResult result : results) {
            if (CocoSummary.NAMES.contains(metric)) {
                values.add(result.document().get(metric).asDouble());
            } else if (result.vocMaps().containsKey(metric)) {
                values.add(result.vocMaps().get(metric));
            } else {
                throw new InvalidInputException(result.path() + ": no " + metric + " mAP for this dataset; VOC mAP needs a VOC dataset and "
                        + metric + " in --voc-metric, or choose a COCO number with --table-metric");
            }
        }
        return new PaperTable(options.model().getFileName().toString(), metric, results.stream().map(VariantResult::name).toList(), values);
    }

    private void writeFolder(ObjectNode results, List<VariantResult> variants, PaperTable paperTable, ModelSpec modelSpec, InferenceDevice device) {
        try {
            ResultsFolder folder = ResultsFolder.create(options.outDir());
            ObjectNode run = ResultsFolder.modelRun("eval-det", options.model(), modelSpec, device, options.inputs());
            run.put("iouType", options.params().iouType().cocoName());
            options.vocMetrics().forEach(run.putArray("vocMetrics")::add);
            results.set("run", run);
            folder.writeResults(results);

            List<String> summaryHeader = new ArrayList<>(List.of("dataset", "images", "detections"));
            summaryHeader.addAll(CocoSummary.NAMES);
            summaryHeader.addAll(List.of("voc07_mAP", "voc12_mAP"));
            CsvTable summary = new CsvTable(summaryHeader);
            List<String> categoryHeader = new ArrayList<>(List.of("dataset"));
            categoryHeader.addAll(EvalDetCommand.CATEGORY_COLUMNS);
            CsvTable perCategory = new CsvTable(categoryHeader);
            List<String> vocHeader = new ArrayList<>(List.of("dataset", "metric"));
            vocHeader.addAll(EvalVocCommand.CLASS_COLUMNS);
            CsvTable vocPerClass = new CsvTable(vocHeader);
            for (VariantResult variant : variants) {
                ObjectNode document = variant.document();
                List<Object> row = new ArrayList<>(List.of(variant.name(), document.get("images").asInt(), document.get("detections").asInt()));
                CocoSummary.NAMES.forEach(name -> row.add(document.get(name).asDouble()));
                row.add(variant.vocMaps().get("voc07"));
                row.add(variant.vocMaps().get("voc12"));
                summary.row(row.toArray());
                EvalDetCommand.addCategoryRows(perCategory, document, variant.name());
            }
            folder.writeCsv("summary.csv", summary);
            folder.writeCsv("per_category.csv", perCategory);
            folder.writeCsv("table.csv", paperTable.csv());
            if (variants.stream().anyMatch(variant -> !variant.voc().isEmpty())) {
                for (VariantResult variant : variants) {
                    variant.voc().forEach((metric, evaluation) -> EvalVocCommand.addClassRows(vocPerClass, evaluation, variant.name(), metric));
                }
                folder.writeCsv("voc_per_class.csv", vocPerClass);
            }
        } catch (IOException e) {
            throw new InvalidInputException(options.outDir() + ": cannot write the results folder: " + e.getMessage(), e);
        }
    }

    /** Runs the detector on {@code engine} in the batches a local run forms. */
    private static DetectorRunner.Run detectOn(DetectionEngine engine, Path input, Dataset dataset, int batchSize, OnnxDetectorFactory factory,
            ConsoleProgress progress) {
        try {
            return DetectorRunner.merge(engine.detect(new DetectionJob(input, dataset, batchSize, factory), progress));
        } catch (IOException e) {
            throw new InvalidInputException(input + ": " + e.getMessage(), e);
        }
    }

    /** Describes how to load the ONNX detector: here, and on each executor of a distributed engine from its copy of the model. */
    private OnnxDetectorFactory detectorFactory() {
        Path specPath = options.specFile() != null ? options.specFile() : ModelSpecReader.specBeside(options.model());
        try {
            DeviceRequest.parse(options.device());
            return new OnnxDetectorFactory(options.model().toAbsolutePath().toString(), PortableSpec.of(specPath), options.device());
        } catch (IllegalArgumentException | ModelSpecException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    /** Loads the ONNX detector from the model file, or from an executor's copy of it, with the spec shipped as text. */
    record OnnxDetectorFactory(String model, PortableSpec spec, String device) implements DetectionJob.DetectorFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public Detector create(UnaryOperator<Path> localFile) throws ModelException {
            try {
                return OnnxModels.detector(localFile.apply(Path.of(model)), spec.read(), ModelOptions.defaults().withDevice(DeviceRequest.parse(device)));
            } catch (ModelSpecException e) {
                throw new ModelException(e.getMessage(), e);
            }
        }

        @Override
        public List<Path> files() {
            return List.of(Path.of(model));
        }
    }

    private static Detector loadDetector(OnnxDetectorFactory factory) {
        try {
            return factory.create(UnaryOperator.identity());
        } catch (ModelException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private static String name(Path input) {
        Path fileName = input.toAbsolutePath().normalize().getFileName();
        return fileName == null ? input.toString() : fileName.toString();
    }
}
