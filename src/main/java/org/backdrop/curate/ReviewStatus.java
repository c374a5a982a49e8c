package org.backdrop.curate;

import java.util.Locale;

/** A sample's review status. */
public enum ReviewStatus {
    UNREVIEWED, ACCEPTED, REJECTED, EDITED;

    /** Returns whether a sample in this status belongs to the curated subset: accepted or edited. */
    public boolean kept() {
        return this == ACCEPTED || this == EDITED;
    }

    /** Returns the status as the review file, the project store and the studio show it: "accepted". */
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
