package org.backdrop.train.external;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression that finds metrics in a trainer's output lines, in one of two forms:
 *
 * <ul>
 *   <li>with groups {@code name} and {@code value}: each match is one metric, such as
 *       {@code (?<name>loss|bbox_mAP): (?<value>[0-9.]+)}; every match in a line counts;
 *   <li>otherwise each named group is a metric of that name, such as
 *       {@code Epoch (?<epoch>\d+).*loss (?<loss>[0-9.]+).*mAP (?<mAP>[0-9.]+)}.
 * </ul>
 *
 * <p>An optional group {@code epoch} gives the epoch, an integer. A group that did not take part in
 * the match, or whose text is not a number, adds no value.
 */
public final class MetricPattern {

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final Pattern pattern;
    private final List<String> metricGroups;
    private final boolean nameValue;
    private final boolean hasEpoch;

    private MetricPattern(Pattern pattern, List<String> groups) {
        this.pattern = pattern;
        this.nameValue = groups.contains("name") && groups.contains("value");
        this.hasEpoch = groups.contains("epoch");
        List<String> metrics = new ArrayList<>(groups);
        metrics.remove("epoch");
        this.metricGroups = List.copyOf(metrics);
    }

    /**
     * Compiles {@code regex}.
     *
     * @throws IllegalArgumentException if it is not a valid Java regular expression or names no metric group
     */
    public static MetricPattern compile(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid metric pattern: " + e.getMessage(), e);
        }
        List<String> groups = new ArrayList<>();
        Matcher names = GROUP_NAME.matcher(regex);
        while (names.find()) {
            if (!groups.contains(names.group(1))) {
                groups.add(names.group(1));
            }
        }
        MetricPattern compiled = new MetricPattern(pattern, groups);
        if (!compiled.nameValue && compiled.metricGroups.isEmpty()) {
            throw new IllegalArgumentException("the metric pattern " + regex + " has no named group for a metric; use (?<name>...) with"
                    + " (?<value>...), or name each metric's group, such as (?<loss>[0-9.]+)");
        }
        if (groups.contains("name") != groups.contains("value")) {
            throw new IllegalArgumentException("the metric pattern " + regex + " has only one of the groups name and value; give both");
        }
        return compiled;
    }

    /** Returns the pattern's text. */
    public String regex() {
        return pattern.pattern();
    }

    /** Returns the metrics in {@code text}, or empty when it has none. */
    public Optional<MetricRecord> parse(long line, String text) {
        Matcher matcher = pattern.matcher(text);
        Map<String, Double> values = new LinkedHashMap<>();
        Integer epoch = null;
        while (matcher.find()) {
            if (hasEpoch && epoch == null && matcher.group("epoch") != null) {
                epoch = parseEpoch(matcher.group("epoch"));
            }
            if (nameValue) {
                Double value = parseNumber(matcher.group("value"));
                if (matcher.group("name") != null && value != null) {
                    values.put(matcher.group("name"), value);
                }
            } else {
                for (String group : metricGroups) {
                    Double value = parseNumber(matcher.group(group));
                    if (value != null) {
                        values.put(group, value);
                    }
                }
            }
            if (!nameValue) {
                break;
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(new MetricRecord(line, epoch, values));
    }

    private static Double parseNumber(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer parseEpoch(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
