package org.backdrop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.engine.DistributedEngine;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.eval.classification.BackgroundGap;
import org.backdrop.eval.classification.ClassificationEngine;
import org.backdrop.eval.classification.ClassificationJob;
import org.backdrop.eval.classification.ClassificationMetrics;
import org.backdrop.eval.classification.ClassificationReport;
import org.backdrop.eval.classification.ClassificationRun;
import org.backdrop.eval.classification.ClassifierClasses;
import org.backdrop.eval.classification.ClassifierRunner;
import org.backdrop.eval.classification.LabelMapping;
import org.backdrop.eval.classification.VariantComparison;
import org.backdrop.model.Classifier;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.djl.OnnxModels;
import org.backdrop.model.djl.TorchScriptModels;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelSpecReader;
import org.backdrop.model.spec.PortableSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code backdrop eval-cls}: runs an ONNX or TorchScript classifier on the original dataset and its background variants
 * and reports accuracy per dataset and, against the first dataset, the accuracy drop and flipped samples.
 */
@Command(
        name = "eval-cls",
        description = {
            "Classify every sample of each dataset with an ONNX or TorchScript model and print accuracy, per-class accuracy and the confusion matrix.",
            "The first --in is the original; each later one is compared with it over the sample ids both contain (accuracy drop,"
                    + " samples right on the original and wrong on the variant). When two inputs are named mixed-same and mixed-rand"
                    + " (or mixed_same and mixed_rand), the BG-gap is their accuracy difference."},
        footer = {"", "Exit codes: 0 every sample classified, 3 some samples skipped (listed), 2 invalid input (model, spec, dataset, device)."})
final class EvalClsCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EvalClsCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The classifier: an ONNX file, or a TorchScript file (torch.jit.save, or the model.pt that train writes).")
    Path model;

    @Option(names = "--spec", paramLabel = "FILE", description = "The model spec (default: beside the model, net.onnx or net.pt -> net.spec.json).")
    Path specFile;

    @Option(names = "--in", required = true, paramLabel = "DATASET", converter = DatasetOptions.LocationConverter.class,
            description = "A dataset folder or COCO annotation file; repeat for variants, the original first. A path, or a URI such as"
                    + " hdfs://namenode:8020/data (Hadoop URIs need a build with -Pspark).")
    List<Path> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", converter = DatasetOptions.FormatConverter.class,
            description = "The inputs' layout: auto, cifar10, voc, coco or folder (default: ${DEFAULT-VALUE}).")
    DatasetFormat format;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto", converter = DeviceConverter.class,
            description = "auto (CUDA when usable, else the CPU), cpu or cuda (default: ${DEFAULT-VALUE}).")
    DeviceRequest device;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32", description = "Images per inference call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "ONNX Runtime threads; 0 lets it choose; TorchScript models use PyTorch's process-wide setting (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write a results folder: results.json (all numbers, the inputs, the model's SHA-256) and CSV tables,"
                    + " predictions.csv among them with each sample's true and predicted class.")
    Path outDir;

    @Option(names = "--table", description = "Print a Markdown table row of accuracies in percent (Original, then each variant) instead of text.")
    boolean table;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    /** The {@code --device} values. */
    static final class DeviceConverter implements ITypeConverter<DeviceRequest> {
        @Override
        public DeviceRequest convert(String value) {
            try {
                return DeviceRequest.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1 || threads < 0) {
            throw new InvalidInputException("--batch-size must be at least 1 and --threads at least 0, got " + batchSize + " and " + threads);
        }
        ModelSpec modelSpec = readSpec();
        try (DistributedEngine engine = engineOptions.open()) {
            return run(modelSpec, engine);
        }
    }

    private int run(ModelSpec modelSpec, DistributedEngine engine) throws Exception {
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        List<Dataset> datasets = new ArrayList<>();
        for (Path input : inputs) {
            datasets.add(DatasetOptions.read(input, format, ReadOptions.defaults(), progress));
        }

        List<EvalClsReport.DatasetResult> results = new ArrayList<>();
        Classifier classifier = loadClassifier(modelSpec);
        try (classifier) {
            DatasetImages images = new DatasetImages();
            int classCount = classCount(classifier, datasets.get(0), images);
            for (int i = 0; i < datasets.size(); i++) {
                Dataset dataset = datasets.get(i);
                LabelMapping mapping = mapping(dataset, modelSpec, classCount, inputs.get(i));
                ClassificationRun run = engine == null
                        ? ClassifierRunner.run(classifier, dataset, images, mapping, progress)
                        : classifyOn(engine.classification(), inputs.get(i), dataset, mapping, progress);
                if (run.predictions().isEmpty()) {
                    throw new InvalidInputException(inputs.get(i) + ": no sample could be classified; each sample needs one class label");
                }
                List<InvalidSample> skipped = new ArrayList<>(dataset.invalid());
                skipped.addAll(run.skipped());
                results.add(new EvalClsReport.DatasetResult(inputs.get(i), name(inputs.get(i)), run.predictions(),
                        ClassificationMetrics.evaluate(run.predictions(), classCount), skipped));
            }
        } finally {
            progress.finish();
        }

        EvalClsReport report = new EvalClsReport(model, modelSpec, classifier.device(), results, comparisons(results), backgroundGap(results));
        if (outDir != null) {
            report.writeFolder(outDir);
        }
        if (table && !json) {
            report.printTable(spec.commandLine().getOut());
        } else {
            report.print(spec, json);
        }
        int skippedCount = results.stream().mapToInt(result -> result.skipped().size()).sum();
        results.forEach(result -> result.skipped().forEach(sample -> LOG.warn("Skipped in {}: {}: {}", result.name(), sample.file(), sample.reason())));
        return skippedCount == 0 ? ExitCodes.SUCCESS : ExitCodes.SKIPPED;
    }

    private ModelSpec readSpec() {
        return ModelSources.readSpec(model, specFile);
    }

    /** Classifies {@code dataset} on {@code engine} in the batches a local run forms. */
    private ClassificationRun classifyOn(ClassificationEngine engine, Path input, Dataset dataset, LabelMapping mapping, ConsoleProgress progress)
            throws IOException {
        if (TorchScriptModels.isTorchScript(model)) {
            throw new InvalidInputException(model + ": --engine spark runs ONNX classifiers only; run this TorchScript model with"
                    + " --engine local, or export it to ONNX");
        }
        ClassifierRunner.Plan plan = ClassifierRunner.plan(dataset, mapping, batchSize);
        Path specPath = specFile != null ? specFile : ModelSpecReader.specBeside(model);
        PortableSpec portableSpec;
        try {
            portableSpec = PortableSpec.of(specPath);
        } catch (ModelSpecException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        OnnxClassifierFactory factory = new OnnxClassifierFactory(model.toAbsolutePath().toString(), portableSpec, device, batchSize, threads);
        return ClassifierRunner.assemble(plan, engine.classify(new ClassificationJob(input, dataset, plan, factory), progress));
    }

    /** Loads the ONNX classifier from the copy an engine gives each executor, with the spec shipped as text. */
    record OnnxClassifierFactory(String model, PortableSpec spec, DeviceRequest device, int batchSize, int threads)
            implements ClassificationJob.ClassifierFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public Classifier create(UnaryOperator<Path> localFile) throws ModelException {
            try {
                return OnnxModels.classifier(localFile.apply(Path.of(model)), spec.read(), new ModelOptions(device, batchSize, threads));
            } catch (ModelSpecException e) {
                throw new ModelException(e.getMessage(), e);
            }
        }

        @Override
        public List<Path> files() {
            return List.of(Path.of(model));
        }
    }

    private Classifier loadClassifier(ModelSpec modelSpec) {
        return ModelSources.classifier(model, modelSpec, new ModelOptions(device, batchSize, threads));
    }

    private static int classCount(Classifier classifier, Dataset first, DatasetImages images) throws ModelException {
        try {
            return ClassifierClasses.count(classifier, first, images);
        } catch (EvaluationInputException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private static LabelMapping mapping(Dataset dataset, ModelSpec modelSpec, int classCount, Path input) {
        try {
            return ClassifierClasses.mapping(dataset, modelSpec, classCount, input);
        } catch (EvaluationInputException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    // NOTE: variants pair with the original by sample id. Image folders keep ids (the relative path), but a
    // CIFAR-10 variant written after skipped samples renumbers its records; the augment manifest's mapping
    // from source samples to outputs would pair those correctly.
    private static List<EvalClsReport.Comparison> comparisons(List<EvalClsReport.DatasetResult> results) {
        List<EvalClsReport.Comparison> comparisons = new ArrayList<>();
        EvalClsReport.DatasetResult original = results.get(0);
        for (EvalClsReport.DatasetResult variant : results.subList(1, results.size())) {
            try {
                VariantComparison comparison = ClassificationMetrics.compare(original.predictions(), variant.predictions());
                comparisons.add(new EvalClsReport.Comparison(variant.name(), comparison));
            } catch (IllegalArgumentException e) {
                LOG.warn("No accuracy drop for {}: {}", variant.path(), e.getMessage());
            }
        }
        return comparisons;
    }

    /** Returns the BG-gap when exactly one input is named mixed-same and one mixed-rand, else null. */
    private static EvalClsReport.NamedGap backgroundGap(List<EvalClsReport.DatasetResult> results) {
        List<EvalClsReport.DatasetResult> same = results.stream().filter(result -> normalised(result.name()).equals("mixed-same")).toList();
        List<EvalClsReport.DatasetResult> rand = results.stream().filter(result -> normalised(result.name()).equals("mixed-rand")).toList();
        if (same.size() != 1 || rand.size() != 1) {
            return null;
        }
        ClassificationReport sameReport = same.get(0).report();
        ClassificationReport randReport = rand.get(0).report();
        return new EvalClsReport.NamedGap(same.get(0).name(), rand.get(0).name(), BackgroundGap.of(sameReport, randReport));
    }

    private static String name(Path input) {
        Path fileName = input.toAbsolutePath().normalize().getFileName();
        return fileName == null ? input.toString() : fileName.toString();
    }

    private static String normalised(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
