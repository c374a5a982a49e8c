package org.backdrop.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The {@code --verbose} and {@code --quiet} options, shared by every command. */
public final class LoggingOptions {

    private boolean quiet;

    /** Returns whether {@code --quiet} was given, so that commands also hold back their own output on standard error. */
    boolean quiet() {
        return quiet;
    }

    @Option(names = {"-v", "--verbose"}, description = "Log debug messages to standard error.")
    void setVerbose(boolean verbose) {
        if (verbose) {
            rootLogger().setLevel(Level.DEBUG);
        }
    }

    @Option(names = {"-q", "--quiet"}, description = "Log only errors to standard error.")
    void setQuiet(boolean quiet) {
        this.quiet = quiet;
        if (quiet) {
            rootLogger().setLevel(Level.ERROR);
        }
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
