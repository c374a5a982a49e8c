package org.backdrop.train.external;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quotes words for a POSIX shell (bash, sh), so that the shell reads each one back unchanged as one argument. */
public final class ShellQuoting {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private ShellQuoting() {}

    /** Returns {@code word} unchanged when it has no character special to the shell, else in single quotes. */
    public static String quote(String word) {
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Quotes each word and joins them with spaces. */
    public static String join(List<String> words) {
        return words.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }
}
