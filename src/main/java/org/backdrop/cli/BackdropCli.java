package org.backdrop.cli;

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
            JsonOutput.print(failed.getCommandSpec(),
                    JsonOutput.mapper().createObjectNode().put("error", message).put("exitCode", ExitCodes.INVALID_INPUT));
        }
    }

    /** Runs the command in {@code args} and returns its exit code (see {@link ExitCodes}). */
    public static int execute(String[] args, StudioOpener studioOpener) {
        return commandLine(studioOpener).execute(args);
    }

    /** Builds the command line with every subcommand; tests run commands through it. */
    public static CommandLine commandLine(StudioOpener studioOpener) {
        CommandLine commandLine = new CommandLine(new BackdropCli());
        commandLine.addSubcommand(new StudioCommand(studioOpener));
        commandLine.addSubcommand(new InspectCommand());
        commandLine.addSubcommand(new ConvertCommand());
        commandLine.addSubcommand(new MasksCommand());
        commandLine.addSubcommand(new AugmentCommand());
        commandLine.addSubcommand(new EvalClsCommand());
        commandLine.addSubcommand(new TrainCommand());
        commandLine.addSubcommand(new TrainDetCommand());
        commandLine.addSubcommand(new EvalDetCommand());
        commandLine.addSubcommand(new EvalVocCommand());
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true));
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println("Error: " + exception.getMessage());
            failed.getErr().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
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
