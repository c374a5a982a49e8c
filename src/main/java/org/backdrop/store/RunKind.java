package org.backdrop.store;

import java.util.Locale;

/** The kind of work a recorded run did. */
public enum RunKind {
    EVALUATION, TRAINING;

    /** Returns the name the store uses: {@code evaluation} or {@code training}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunKind parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
