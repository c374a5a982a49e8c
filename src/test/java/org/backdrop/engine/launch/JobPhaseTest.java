package org.backdrop.engine.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.launcher.SparkAppHandle.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class JobPhaseTest {

    /** Each row: Spark's state, whether the user cancelled, whether the command printed its result, the phase. */
    @ParameterizedTest(name = "{0} cancelled={1} result={2} -> {3}")
    @CsvSource({
        "UNKNOWN, false, false, WAITING",
        "CONNECTED, false, false, WAITING",
        "SUBMITTED, false, false, WAITING",
        "SUBMITTED, true, false, WAITING",
        "RUNNING, false, false, RUNNING",
        "RUNNING, true, false, RUNNING",
        "FINISHED, false, true, SUCCEEDED",
        "FINISHED, false, false, SUCCEEDED",
        "FINISHED, true, true, SUCCEEDED",
        "FINISHED, true, false, CANCELLED",
        // Exit code 3 (samples skipped) after a complete run: the launcher reports FAILED.
        "FAILED, false, true, SUCCEEDED",
        "FAILED, false, false, FAILED",
        "FAILED, true, false, CANCELLED",
        "KILLED, true, false, CANCELLED",
        "KILLED, false, false, FAILED",
        "LOST, true, false, CANCELLED",
        "LOST, false, false, FAILED",
        // A cluster manager that never reports states back: spark-submit exits 0 and the launcher reports LOST.
        "LOST, false, true, SUCCEEDED",
    })
    void mapsSparkStates(State state, boolean cancelled, boolean result, JobPhase expected) {
        assertEquals(expected, JobPhase.of(state, cancelled, result));
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void finalSparkStatesEndTheJob(State state) {
        assertEquals(state.isFinal(), JobPhase.of(state, false, false).ended(), state.name());
        assertEquals(state.isFinal(), JobPhase.of(state, true, true).ended(), state.name());
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void everyStateHasDescriptionWithMaster(State state) {
        String text = JobPhase.describe(state, "yarn");
        assertTrue(text.contains("yarn"), text);
        assertFalse(text.isBlank());
    }
}
