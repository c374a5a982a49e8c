package org.backdrop.train.external;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line with placeholders such as {@code {train}}, split into arguments as a POSIX shell
 * splits words: on unquoted white space, with single quotes (literal) and double quotes (in which a
 * backslash escapes {@code "} and {@code \}). No shell runs the command, so pipes, redirections and
 * variables need an explicit {@code bash -c '...'}.
 *
 * <p>Placeholders are replaced inside each argument after splitting, so a path with spaces stays one
 * argument. {@code {{} and {@code }}} stand for literal braces.
 */
public final class CommandTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{|}}|\\{([a-z_]+)}");

    private final String text;
    private final List<String> words;

    private CommandTemplate(String text, List<String> words) {
        this.text = text;
        this.words = List.copyOf(words);
    }

    /**
     * Splits {@code text} into arguments.
     *
     * @throws IllegalArgumentException if a quote is not closed or the command is empty
     */
    public static CommandTemplate parse(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ' at character " + (i + 1) + " of the command: " + text);
                }
                word.append(text, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == '"') {
                i = appendDoubleQuoted(text, i, word);
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the command is empty; give the program to run and its arguments");
        }
        return new CommandTemplate(text, words);
    }

    private static int appendDoubleQuoted(String text, int open, StringBuilder word) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                c = text.charAt(++i);
            }
            word.append(c);
        }
        throw new IllegalArgumentException("unclosed \" at character " + (open + 1) + " of the command: " + text);
    }

    /** Returns the template as given. */
    public String text() {
        return text;
    }

    /**
     * Returns the arguments with every placeholder replaced by its value.
     *
     * @throws IllegalArgumentException if the template names a placeholder that {@code values} lacks
     */
    public List<String> expand(Map<String, String> values) {
        List<String> expanded = new ArrayList<>();
        for (String word : words) {
            expanded.add(substitute(word, values));
        }
        return expanded;
    }

    /**
     * Replaces the placeholders of one string, such as a results path.
     *
     * @throws IllegalArgumentException if {@code text} names a placeholder that {@code values} lacks
     */
    public static String substitute(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = matcher.group().substring(0, 1);
            } else {
                replacement = values.get(matcher.group(1));
                if (replacement == null) {
                    throw new IllegalArgumentException("unknown placeholder {" + matcher.group(1) + "} in '" + text + "'; the placeholders are "
                            + values.keySet().stream().sorted().map(name -> "{" + name + "}").toList());
                }
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
