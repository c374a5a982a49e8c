package org.backdrop.cli;

import org.backdrop.engine.DistributedEngine;
import org.backdrop.engine.EngineUnavailableException;
import org.backdrop.engine.Engines;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --engine} and {@code --master} options of commands whose per-sample work can run on Spark. */
final class EngineOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "Where the per-sample work runs: local (this machine's threads) or spark (needs a build with -Pspark)"
                    + " (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", paramLabel = "MASTER",
            description = "The Spark master for --engine spark: local[N], spark://HOST:PORT, yarn or k8s://... (default: the one"
                    + " spark-submit set, else local[*]).")
    String master;

    /** Returns true when {@code --master} or an engine other than {@code local} was given. */
    boolean distributedRequested() {
        return master != null || !engine.strip().equalsIgnoreCase("local");
    }

    /**
     * Returns the distributed engine the options choose, started, or null for the local engine.
     *
     * @throws ParameterException (exit code 1) for an unknown engine, {@code --master} without
     *     {@code --engine spark}, or {@code --engine spark} in a build without Spark
     * @throws InvalidInputException (exit code 2) when Spark cannot start on the master
     */
    DistributedEngine open() {
        Engines.Kind kind;
        try {
            kind = Engines.Kind.parse(engine);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--engine: " + e.getMessage());
        }
        if (kind == Engines.Kind.LOCAL) {
            if (master != null) {
                throw new ParameterException(spec.commandLine(), "--master applies to --engine spark only; add --engine spark or leave out --master");
            }
            return null;
        }
        if (!Engines.sparkAvailable()) {
            throw new ParameterException(spec.commandLine(), Engines.BUILD_HINT);
        }
        try {
            return Engines.spark(master);
        } catch (EngineUnavailableException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
