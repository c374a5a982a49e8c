package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackdropCliTest {

    @Test
    void commandNamesMatchAnnotations() {
        List<String> names = List.copyOf(BackdropCli.commandLine(target -> {}).getSubcommands().keySet());

        assertEquals(BackdropCli.COMMAND_NAMES, names);
    }
}
