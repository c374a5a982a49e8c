package org.backdrop.engine.launch;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One progress report in the machine-readable form that commands write on standard error when the
 * environment variable {@value #ENVIRONMENT_VARIABLE} is {@value #LINES_MODE}:
 * {@code backdrop-progress: DONE/TOTAL MESSAGE}, where TOTAL is -1 when unknown. A process that starts
 * a command, such as the studio submitting it to Spark, reads these lines from the command's standard
 * error among the log lines.
 *
 * @param done units finished
 * @param total all units, or -1 when unknown
 * @param message a short phrase such as "Rendering red on Spark", possibly empty
 */
public record ProgressLine(long done, long total, String message) {

    /** The environment variable that switches commands to progress lines. */
    public static final String ENVIRONMENT_VARIABLE = "BACKDROP_PROGRESS";

    /** The value of {@link #ENVIRONMENT_VARIABLE} that requests progress lines. */
    public static final String LINES_MODE = "lines";

    /** The text every progress line starts with. */
    public static final String PREFIX = "backdrop-progress: ";

    private static final Pattern LINE = Pattern.compile("^" + Pattern.quote(PREFIX) + "(\\d+)/(-1|\\d+)(?: (.*))?$");

    public ProgressLine {
        message = message == null ? "" : message.replace('\n', ' ').replace('\r', ' ').strip();
    }

    /** Returns true when {@code environmentValue}, the value of {@link #ENVIRONMENT_VARIABLE}, requests progress lines. */
    public static boolean requested(String environmentValue) {
        return environmentValue != null && LINES_MODE.equalsIgnoreCase(environmentValue.strip());
    }

    /** Formats this report as one line, without the line break. */
    public String format() {
        return PREFIX + done + "/" + (total < 0 ? -1 : total) + (message.isEmpty() ? "" : " " + message);
    }

    /** Parses a line written by {@link #format()}; any other line, such as a log line, gives empty. */
    public static Optional<ProgressLine> parse(String line) {
        Matcher matcher = LINE.matcher(line.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProgressLine(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), matcher.group(3)));
        } catch (NumberFormatException e) {
            // A count beyond the range of long is not a line this class wrote.
            return Optional.empty();
        }
    }
}
