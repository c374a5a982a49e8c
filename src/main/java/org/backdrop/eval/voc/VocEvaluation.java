package org.backdrop.eval.voc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-class VOC results and their mean.
 *
 * @param classes the results by class name, in evaluation order
 * @param map the mean AP over the classes with an object that counts, in evaluation order, as
 *     {@code numpy.mean} takes it; NaN when no class has one
 * @param excludedClasses the classes left out of the mean because they have no object that counts
 */
public record VocEvaluation(Map<String, VocClassResult> classes, double map, List<String> excludedClasses) {

    public VocEvaluation {
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        excludedClasses = List.copyOf(excludedClasses);
    }
}
