package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackdropCliTest {

    @Test
    void commandNamesMatchAnnotations() {
        List<String> names = List.copyOf(BackdropCli.commandLine(target -> {}).getSubcommands().keySet());

        assertEquals(BackdropCli.COMMAND_NAMES, names);
    }

    @Test
    void usageErrorPrintsJsonDocument() throws Exception {
        CliRunner.Result result = CliRunner.run("eval-cls", "--json", "--bogus-option");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertEquals(ExitCodes.USAGE, result.json().get("exitCode").asInt());
        assertTrue(result.json().get("error").asText().contains("--model"), result.out());
    }

    @Test
    void usageErrorWithoutJsonPrintsNothing() {
        CliRunner.Result result = CliRunner.run("eval-cls", "--bogus-option");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertEquals("", result.out());
    }
}
