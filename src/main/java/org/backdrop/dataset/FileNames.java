package org.backdrop.dataset;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns sample ids and category names into file names that writers can use on every platform, and
 * keeps them unique within one output folder. Writers still resolve every name with
 * {@link SafePaths#resolveInside}.
 */
public final class FileNames {

    private final Set<String> used = new HashSet<>();

    /**
     * Returns {@code text} with every character other than letters, digits, {@code .}, {@code _} and
     * {@code -} replaced by {@code _}, and a leading dot replaced too; {@code fallback} when the
     * result would be empty.
     */
    public static String sanitize(String text, String fallback) {
        StringBuilder name = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '-' || (c == '.' && i > 0);
            name.append(allowed ? c : '_');
        }
        return name.length() == 0 ? fallback : name.toString();
    }

    /**
     * Returns {@code text} as one path segment that keeps spaces and non-ASCII letters: characters
     * that Windows or POSIX forbid in file names ({@code / \ : * ? " < > |} and control
     * characters) become {@code _}, as does a leading dot, so the result is never hidden, {@code .}
     * or {@code ..}; {@code fallback} when the result would be empty.
     */
    public static String segment(String text, String fallback) {
        String name = text.strip().replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_");
        if (name.startsWith(".")) {
            name = "_" + name.substring(1);
        }
        return name.isEmpty() ? fallback : name;
    }

    /**
     * Returns {@code name} if no earlier call returned it (ignoring case, for case-insensitive file
     * systems), otherwise {@code name} with {@code _2}, {@code _3}, … added before {@code extension}.
     *
     * @param extension the extension with its dot, such as {@code .jpg}; empty for none
     */
    public String unique(String name, String extension) {
        String candidate = name;
        for (int suffix = 2; !used.add((candidate + extension).toLowerCase(Locale.ROOT)); suffix++) {
            candidate = name + "_" + suffix;
        }
        return candidate;
    }

    /** Returns the extension of a file name with its dot ({@code .JPEG}), or empty when it has none. */
    public static String extension(String fileName) {
        int slash = fileName.lastIndexOf('/');
        int dot = fileName.lastIndexOf('.');
        return dot > slash + 1 ? fileName.substring(dot) : "";
    }
}
