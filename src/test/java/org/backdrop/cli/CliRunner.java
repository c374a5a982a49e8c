package org.backdrop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command in process and captures its standard output and error. */
final class CliRunner {

    /**
     * A finished run.
     *
     * @param exitCode the command's exit code
     * @param out what it printed to standard output
     * @param err what it printed to standard error through picocli
     */
    record Result(int exitCode, String out, String err) {

        /** Parses standard output as the one JSON document of a {@code --json} run. */
        JsonNode json() throws java.io.IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    private CliRunner() {}

    static Result run(String... args) {
        CommandLine commandLine = BackdropCli.commandLine(target -> {
            throw new IllegalStateException("tests do not open the studio");
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
