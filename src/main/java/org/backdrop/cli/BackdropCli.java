package org.backdrop.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.backdrop.StudioOpener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code backdrop} command and its subcommands. */
@Command(
        name = "backdrop",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Measure and reduce background bias in image classifiers and object detectors.",
        footer = {"", "Exit codes: 0 success, 1 wrong usage, 2 invalid input, 3 finished with skipped samples."})
public final class BackdropCli implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(BackdropCli.class);

    @Mixin
    LoggingOptions logging;

    private BackdropCli() {}

    @Override
    public void run() {
        CommandLine.usage(this, System.err);
    }

    /**
     * Prints {@code {"error", "exitCode"}} on standard output when the failed command was run with
     * {@code --json}, so that scripts always read one JSON document.
     */
    private static void printJsonError(CommandLine failed, CommandLine.ParseResult parseResult, String message) {
        CommandLine.ParseResult leaf = parseResult;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        if (leaf.hasMatchedOption("--json")) {
            printJsonError(failed, message, ExitCodes.INVALID_INPUT);
        }
    }

    private static void printJsonError(CommandLine failed, String message, int exitCode) {
        JsonOutput.print(failed.getCommandSpec(), JsonOutput.mapper().createObjectNode().put("error", message).put("exitCode", exitCode));
    }

    /** The subcommands' names, in the order {@code --help} lists them. */
    static final List<String> COMMAND_NAMES =
            List.of("studio", "inspect", "convert", "masks", "augment", "eval-cls", "train", "train-det", "train-dist", "eval-det", "eval-voc");

    /**
     * Runs the command in {@code args} and returns its exit code (see {@link ExitCodes}). When the first
     * argument names a subcommand, only that one is built: picocli reads every command's annotations
     * when it is added, about 0.1 to 0.2 s for all of them, which short commands notice.
     */
    public static int execute(String[] args, StudioOpener studioOpener) {
        if (args.length > 0 && COMMAND_NAMES.contains(args[0])) {
            return commandLine(List.of(newCommand(args[0], studioOpener))).execute(args);
        }
        return commandLine(studioOpener).execute(args);
    }

    /** Builds the command line with every subcommand; tests run commands through it. */
    public static CommandLine commandLine(StudioOpener studioOpener) {
        return commandLine(COMMAND_NAMES.stream().map(name -> newCommand(name, studioOpener)).toList());
    }

    private static Object newCommand(String name, StudioOpener studioOpener) {
        return switch (name) {
            case "studio" -> new StudioCommand(studioOpener);
            case "inspect" -> new InspectCommand();
            case "convert" -> new ConvertCommand();
            case "masks" -> new MasksCommand();
            case "augment" -> new AugmentCommand();
            case "eval-cls" -> new EvalClsCommand();
            case "train" -> new TrainCommand();
            case "train-det" -> new TrainDetCommand();
            case "train-dist" -> new TrainDistCommand();
            case "eval-det" -> new EvalDetCommand();
            case "eval-voc" -> new EvalVocCommand();
            default -> throw new IllegalArgumentException("no command named " + name);
        };
    }

    private static CommandLine commandLine(List<Object> subcommands) {
        CommandLine commandLine = new CommandLine(new BackdropCli());
        subcommands.forEach(commandLine::addSubcommand);
        // Applies to the subcommands added above; options with their own converter keep it.
        commandLine.registerConverter(Path.class, new DatasetOptions.LocalPathConverter());
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true));
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println("Error: " + exception.getMessage());
            failed.getErr().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            // The command line did not parse, so --json is looked for among the raw arguments: a script that
            // asked for JSON still gets its one document.
            if (Arrays.asList(args).contains("--json")) {
                printJsonError(failed, exception.getMessage(), ExitCodes.USAGE);
            }
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof InvalidInputException) {
                LOG.error("{}", exception.getMessage());
                printJsonError(failed, parseResult, exception.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            throw exception;
        });
        return commandLine;
    }
}
