package org.backdrop.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.train.Architecture;
import org.backdrop.train.ClassifierTrainer;
import org.backdrop.train.EpochMetrics;
import org.backdrop.train.LearningRateSchedule;
import org.backdrop.train.TestSet;
import org.backdrop.train.TrainingException;
import org.backdrop.train.TrainingOptions;
import org.backdrop.train.TrainingResult;
import org.backdrop.train.TrainingSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backdrop train}: trains a classifier from scratch, or fine-tunes a TorchScript one, with DJL's PyTorch engine. */
@Command(
        name = "train",
        description = {"Train a classifier from scratch, or fine-tune a TorchScript classifier, on one or more datasets and evaluate it",
            "on test sets after every epoch.",
            "The run folder gets metrics.jsonl (one JSON object per epoch), checkpoints/ (the last finished epoch),",
            "and at the end model.pt (TorchScript) with model.spec.json (its model spec, for eval-cls),",
            "and model-NNNN.params (DJL parameters) with model.json (architecture, input size, mean, std, class names)."},
        footer = {"", "Exit codes: 0 success (or cancelled with the last checkpoint kept), 1 wrong usage, 2 invalid input."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--train", required = true, paramLabel = "DATASET[=WEIGHT]", converter = SourceConverter.class,
            description = {"A training dataset, repeatable. =WEIGHT draws WEIGHT times its size per epoch (default 1);",
                "=count:N draws exactly N samples per epoch. Datasets are matched by class name."})
    List<SourceSpec> train = new ArrayList<>();

    @Option(names = "--test", paramLabel = "DATASET", description = "A dataset to measure accuracy on after every epoch, repeatable.")
    List<Path> test = new ArrayList<>();

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "resnet20", converter = ModelConverter.class,
            description = {"resnet20 or resnet18 to train from scratch, or torchscript=FILE to fine-tune a TorchScript classifier",
                "with a new head for these classes (the module must export set_head and name its head fc; see the README)",
                "(default: ${DEFAULT-VALUE})."})
    ModelChoice model;

    @Option(names = "--freeze-epochs", paramLabel = "N", defaultValue = "0",
            description = "With torchscript=FILE: train only the new head for the first N epochs, then the whole network (default: ${DEFAULT-VALUE}).")
    int freezeEpochs;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30", description = "Passes over the training mix (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "128", description = "Images per optimizer step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.1", description = "Learning rate of the first step (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--schedule", paramLabel = "NAME", defaultValue = "step", converter = ScheduleConverter.class,
            description = "step (divide by 10 at 50%% and 75%% of the epochs) or cosine (default: ${DEFAULT-VALUE}).")
    LearningRateSchedule.Kind schedule;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    float momentum;

    @Option(names = "--weight-decay", paramLabel = "D", defaultValue = "0.0001", description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
    float weightDecay;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed for initial weights, data order and augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-augment", description = "Train without the random padded crop and horizontal flip.")
    boolean noAugment;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run folder for metrics, checkpoints and the model.")
    Path out;

    @Option(names = "--resume", description = "Continue from the run folder's last checkpoint.")
    boolean resume;

    @Option(names = "--json", description = "Print one JSON document with the final numbers instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        List<TrainingSource> sources = new ArrayList<>();
        for (SourceSpec source : train) {
            Dataset dataset = DatasetOptions.read(source.path(), null, ReadOptions.defaults(), progress);
            sources.add(new TrainingSource(source.path().toString(), dataset, source.share()));
        }
        List<TestSet> tests = new ArrayList<>();
        for (Path path : test) {
            tests.add(new TestSet(path.toString(), DatasetOptions.read(path, null, ReadOptions.defaults(), progress)));
        }
        TrainingOptions options = options();

        PrintWriter err = spec.commandLine().getErr();
        TrainingResult result;
        try {
            result = ClassifierTrainer.train(sources, tests, options, progress, metrics -> {
                progress.finish();
                err.println(progressLine(metrics));
                err.flush();
            });
        } catch (TrainingException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        progress.finish();

        if (json) {
            JsonOutput.print(spec, document(result));
        } else {
            PrintWriter output = spec.commandLine().getOut();
            output.printf("Trained %d epochs on %s; TorchScript model: %s%n", result.completedEpochs(), result.device(),
                    result.torchScript().map(Path::toString).orElse("none (cancelled)"));
            output.flush();
        }
        return ExitCodes.SUCCESS;
    }

    private TrainingOptions options() {
        try {
            return new TrainingOptions(model.architecture(), epochs, batch, learningRate, schedule, momentum, weightDecay, seed, !noAugment,
                    out, resume, model.file(), freezeEpochs);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private static String progressLine(EpochMetrics metrics) {
        StringBuilder line = new StringBuilder(String.format("epoch %d/%d  loss %.4f  train accuracy %.4f  lr %.5f  %.0f images/s",
                metrics.epoch(), metrics.epochs(), metrics.trainLoss(), metrics.trainAccuracy(), metrics.learningRate(),
                metrics.imagesPerSecond()));
        for (Map.Entry<String, Double> test : metrics.testAccuracy().entrySet()) {
            line.append(String.format("  %s %.4f", test.getKey(), test.getValue()));
        }
        return line.toString();
    }

    private static ObjectNode document(TrainingResult result) {
        ObjectNode root = JsonOutput.mapper().createObjectNode();
        root.put("epochs", result.completedEpochs());
        root.put("cancelled", result.cancelled());
        result.lastEpoch().ifPresent(last -> {
            root.put("trainAccuracy", last.trainAccuracy());
            root.put("trainLoss", last.trainLoss());
            root.put("learningRate", last.learningRate());
            root.put("imagesPerSecond", last.imagesPerSecond());
            ObjectNode tests = root.putObject("test");
            last.testAccuracy().forEach(tests::put);
        });
        root.put("device", result.device());
        root.put("out", result.out().toString());
        result.model().ifPresent(model -> root.put("model", model.toString()));
        result.torchScript().ifPresent(file -> {
            root.put("torchScript", file.toString());
            root.put("spec", file.resolveSibling("model.spec.json").toString());
        });
        return root;
    }

    /** A {@code --train} value: the dataset path and its share of each epoch. */
    record SourceSpec(Path path, TrainingSource.Share share) {}

    /**
     * Parses {@code PATH}, {@code PATH=WEIGHT} and {@code PATH=count:N}. A value that names an existing
     * file or folder as a whole is a path with weight 1, because variant folders that {@code augment} writes
     * may contain {@code =}, such as {@code noise-gaussian=127.5,50}.
     */
    static final class SourceConverter implements ITypeConverter<SourceSpec> {
        @Override
        public SourceSpec convert(String value) {
            int equals = value.lastIndexOf('=');
            if (equals < 0 || existsAsPath(value)) {
                return new SourceSpec(Path.of(value), TrainingSource.Share.weight(1));
            }
            String path = value.substring(0, equals);
            String share = value.substring(equals + 1);
            try {
                if (share.startsWith("count:")) {
                    return new SourceSpec(Path.of(path), TrainingSource.Share.count(Long.parseLong(share.substring("count:".length()))));
                }
                return new SourceSpec(Path.of(path), TrainingSource.Share.weight(Double.parseDouble(share)));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("invalid share '" + share + "' for " + path
                        + ": give a weight such as 0.5 or a count such as count:5000");
            }
        }

        private static boolean existsAsPath(String value) {
            try {
                return java.nio.file.Files.exists(Path.of(value));
            } catch (java.nio.file.InvalidPathException e) {
                return false;
            }
        }
    }

    /**
     * A {@code --model} value: an architecture to build, or {@link Architecture#TORCHSCRIPT} with the file to fine-tune.
     *
     * @param architecture the network
     * @param file the TorchScript file, or null for a network trained from scratch
     */
    record ModelChoice(Architecture architecture, Path file) {}

    /** Parses {@code resnet20}, {@code resnet18} and {@code torchscript=FILE}. */
    static final class ModelConverter implements ITypeConverter<ModelChoice> {
        private static final String TORCHSCRIPT = "torchscript=";

        @Override
        public ModelChoice convert(String value) {
            if (value.regionMatches(true, 0, TORCHSCRIPT, 0, TORCHSCRIPT.length())) {
                String file = value.substring(TORCHSCRIPT.length());
                if (file.isBlank()) {
                    throw new picocli.CommandLine.TypeConversionException("torchscript= needs a file, as in torchscript=net.pt");
                }
                return new ModelChoice(Architecture.TORCHSCRIPT, Path.of(file));
            }
            for (Architecture architecture : Architecture.values()) {
                if (architecture != Architecture.TORCHSCRIPT && architecture.cliName().equalsIgnoreCase(value)) {
                    return new ModelChoice(architecture, null);
                }
            }
            throw new picocli.CommandLine.TypeConversionException("unknown model '" + value + "'; use resnet20, resnet18 or torchscript=FILE");
        }
    }

    /** Parses {@code step} and {@code cosine}. */
    static final class ScheduleConverter implements ITypeConverter<LearningRateSchedule.Kind> {
        @Override
        public LearningRateSchedule.Kind convert(String value) {
            try {
                return LearningRateSchedule.Kind.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown schedule '" + value + "'; use step or cosine");
            }
        }
    }
}
