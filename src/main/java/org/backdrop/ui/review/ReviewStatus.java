package org.backdrop.ui.review;

import java.util.Locale;

/** A sample's review status. */
public enum ReviewStatus {
    UNREVIEWED, ACCEPTED, REJECTED, EDITED;

    /** Returns the status as the review file and the studio show it: "accepted". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@link #label()}.
     *
     * @throws IllegalArgumentException if {@code label} names no status
     */
    public static ReviewStatus parse(String label) {
        for (ReviewStatus status : values()) {
            if (status.label().equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown review status '" + label + "'; expected unreviewed, accepted, rejected or edited");
    }
}
