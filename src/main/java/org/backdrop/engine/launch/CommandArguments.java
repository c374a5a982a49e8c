package org.backdrop.engine.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backdrop.augment.AugmentOptions;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.segment.MaskFilter;

/**
 * Turns the options of a core job into the arguments of the {@code backdrop} command that runs the same
 * job, so that work submitted elsewhere (to Spark) runs exactly as the command line runs it.
 */
public final class CommandArguments {

    private CommandArguments() {}

    /**
     * Returns the arguments of {@code augment --in IN --format F --out OUT ... --engine spark --master M --json}
     * for {@code options}. {@link AugmentOptions#threads()} is left out: the command's default is the
     * number of processors, and the output does not depend on it.
     *
     * @param in the dataset folder or COCO annotation file
     * @param format the dataset's layout
     * @param out the output folder
     * @param options the job's options; a list of kept sample ids in its filter needs {@code curatedFile}
     * @param curatedFile a file with those ids, one per line, for {@code --curated}
     * @param master the Spark master URL
     * @throws IllegalArgumentException when the filter keeps a list of ids and no curated file is given
     */
    public static List<String> augment(Path in, DatasetFormat format, Path out, AugmentOptions options, Optional<Path> curatedFile, String master) {
        List<String> args = new ArrayList<>(List.of("augment", "--in", in.toString(), "--format", format.cliName(), "--out", out.toString(),
                "--backgrounds", String.join(",", options.backgrounds())));
        options.masksFile().ifPresent(file -> add(args, "--masks", file.toString()));
        options.maskSource().ifPresent(source -> add(args, "--mask-source", source));
        MaskFilter filter = options.filter();
        if (filter.minObjectPixels() > 0) {
            add(args, "--min-object-pixels", Long.toString(filter.minObjectPixels()));
        }
        if (filter.minObjectFraction() > 0) {
            add(args, "--min-object-fraction", Double.toString(filter.minObjectFraction()));
        }
        if (filter.curatedIds().isPresent()) {
            Path file = curatedFile.orElseThrow(() -> new IllegalArgumentException(
                    "the options keep a list of sample ids, which the command reads from a file: write the ids to a file and pass it"));
            add(args, "--curated", file.toString());
        }
        if (options.featherSigma() > 0) {
            add(args, "--feather", Double.toString(options.featherSigma()));
        }
        if (options.dilation() > 0) {
            add(args, "--dilate", Integer.toString(options.dilation()));
        }
        if (!options.combine().isEmpty()) {
            add(args, "--combine", String.join(",", options.combine()));
        }
        add(args, "--seed", Long.toString(options.seed()));
        args.addAll(sparkEngine(master));
        args.add("--json");
        return args;
    }

    /**
     * Returns the arguments of {@code masks --in IN --format F --source S --out FILE ... --engine spark
     * --master M --json}.
     *
     * @param source {@code annotations}, {@code grabcut} or {@code onnx=MODEL[:SPEC]}, as {@code --source} takes it
     * @param device {@code auto}, {@code cpu} or {@code cuda}, for an ONNX model on the executors
     * @param curatedFile sample ids to compute, one per line, or empty for every sample
     */
    public static List<String> masks(Path in, DatasetFormat format, Path out, String source, String device, Optional<Path> curatedFile,
            String master) {
        List<String> args = new ArrayList<>(List.of("masks", "--in", in.toString(), "--format", format.cliName(), "--source", source,
                "--out", out.toString()));
        if (source.startsWith("onnx=")) {
            add(args, "--device", device);
        }
        curatedFile.ifPresent(file -> add(args, "--curated", file.toString()));
        args.addAll(sparkEngine(master));
        args.add("--json");
        return args;
    }

    /**
     * Returns the arguments of {@code eval-cls --model MODEL --spec SPEC --in ORIGINAL --in VARIANT ...
     * --device D --batch-size N [--out DIR] --engine spark --master M --json}. The inputs' format is left
     * to the command's detection, as the studio reads them.
     *
     * @param inputs the original dataset first, then its variants
     * @param device {@code auto}, {@code cpu} or {@code cuda}, for the executors
     * @param batchSize images per inference call
     * @param out the results folder the driver writes, with {@code predictions.csv}; empty for none
     * @throws IllegalArgumentException when no input is given or the batch size is below 1
     */
    public static List<String> evalCls(Path model, Path spec, List<Path> inputs, String device, int batchSize, Optional<Path> out,
            String master) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("eval-cls needs at least the original dataset");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
        }
        List<String> args = new ArrayList<>(List.of("eval-cls", "--model", model.toString(), "--spec", spec.toString()));
        inputs.forEach(input -> add(args, "--in", input.toString()));
        add(args, "--device", device);
        add(args, "--batch-size", Integer.toString(batchSize));
        out.ifPresent(folder -> add(args, "--out", folder.toString()));
        args.addAll(sparkEngine(master));
        args.add("--json");
        return args;
    }

    /** Returns {@code --engine spark --master M}. */
    static List<String> sparkEngine(String master) {
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("no Spark master URL given; use local[N], spark://HOST:PORT, yarn or k8s://...");
        }
        return List.of("--engine", "spark", "--master", master.strip());
    }

    private static void add(List<String> args, String option, String value) {
        args.add(option);
        args.add(value);
    }
}
