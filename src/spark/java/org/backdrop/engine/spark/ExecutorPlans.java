package org.backdrop.engine.spark;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.backdrop.augment.AugmentPlan;
import org.backdrop.dataset.DatasetException;

/**
 * The augmentation plans opened in this executor's JVM, one per run. The first task of a run reads
 * the dataset, rebuilds the sample pool and loads the native libraries. Later tasks in the same JVM
 * reuse them, so this work happens once per executor, not once per task.
 */
final class ExecutorPlans {

    private static final ConcurrentMap<String, AugmentPlan.Opened> OPENED = new ConcurrentHashMap<>();

    private ExecutorPlans() {}

    /** Returns {@code plan} opened in this JVM, opening it on first use. */
    static AugmentPlan.Opened open(AugmentPlan plan) throws DatasetException {
        AugmentPlan.Opened opened = OPENED.get(plan.key());
        if (opened != null) {
            return opened;
        }
        synchronized (ExecutorPlans.class) {
            opened = OPENED.get(plan.key());
            if (opened == null) {
                // One run at a time per JVM is the usual case; keep the memory of earlier runs free.
                OPENED.clear();
                opened = plan.open();
                OPENED.put(plan.key(), opened);
            }
            return opened;
        }
    }
}
