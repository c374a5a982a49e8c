package org.backdrop.train.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {

    private static final Map<String, String> VALUES = Map.of("train", "/data/my train", "out", "/runs/1");

    @Test
    void placeholdersStayOneArgument() {
        List<String> argv = CommandTemplate.parse("python3 train.py --data {train} --work-dir={out}").expand(VALUES);

        assertEquals(List.of("python3", "train.py", "--data", "/data/my train", "--work-dir=/runs/1"), argv);
    }

    @Test
    void quotesAndEscapesAsShell() {
        List<String> argv = CommandTemplate.parse("bash -c 'echo $HOME | wc' \"a \\\"b\\\"\" c\\ d").expand(VALUES);

        assertEquals(List.of("bash", "-c", "echo $HOME | wc", "a \"b\"", "c d"), argv);
    }

    @Test
    void doubledBracesAreLiteral() {
        assertEquals("{train}", CommandTemplate.substitute("{{train}}", VALUES));
    }

    @Test
    void unknownPlaceholderIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommandTemplate.parse("run {tran}").expand(VALUES));

        assertEquals("unknown placeholder {tran} in '{tran}'; the placeholders are [{out}, {train}]", e.getMessage());
    }

    @Test
    void unclosedQuoteIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CommandTemplate.parse("echo 'oops"));
    }

    @Test
    void emptyCommandIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CommandTemplate.parse("   "));
    }
}
