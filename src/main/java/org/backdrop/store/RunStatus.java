package org.backdrop.store;

import java.util.Locale;

/** The state of a recorded run. */
public enum RunStatus {
    RUNNING, FINISHED, FAILED, CANCELLED;

    /** Returns the name the store uses, such as {@code finished}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
