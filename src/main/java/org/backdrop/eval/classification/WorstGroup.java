package org.backdrop.eval.classification;

import java.util.List;

/**
 * Accuracy per group and the group where it is lowest.
 *
 * @param groups every group with at least one sample, sorted by name
 * @param worst the group with the lowest accuracy; the first by name among equals
 */
public record WorstGroup(List<GroupAccuracy> groups, GroupAccuracy worst) {

    /** Copies the list. */
    public WorstGroup {
        groups = List.copyOf(groups);
    }
}
