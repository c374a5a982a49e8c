package org.backdrop.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backdrop.model.spec.OutputSpec.ScoreKind;
import org.junit.jupiter.api.Test;

class ClassScoresTest {

    @Test
    void predictedClassIsArgmax() {
        assertEquals(2, new ClassScores(new float[] {0.1f, -3, 2.5f, 2.4f}, ScoreKind.LOGITS).predictedClass());
    }

    @Test
    void tieGoesToLowerIndex() {
        assertEquals(1, new ClassScores(new float[] {0, 5, 5}, ScoreKind.LOGITS).predictedClass());
    }

    @Test
    void topClassesInScoreOrder() {
        ClassScores scores = new ClassScores(new float[] {0.1f, 0.4f, 0.2f, 0.3f}, ScoreKind.PROBABILITIES);

        assertEquals(List.of(1, 3, 2), scores.topClasses(3));
        assertEquals(List.of(1, 3, 2, 0), scores.topClasses(10));
    }

    @Test
    void softmaxOfLogits() {
        // e^0 : e^(ln 3) = 1 : 3.
        ClassScores scores = new ClassScores(new float[] {0, (float) Math.log(3)}, ScoreKind.LOGITS);

        assertArrayEquals(new double[] {0.25, 0.75}, scores.probabilities(), 1e-7);
    }

    @Test
    void probabilitiesPassThrough() {
        ClassScores scores = new ClassScores(new float[] {0.5f, 0.25f, 0.25f}, ScoreKind.PROBABILITIES);

        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, scores.probabilities(), 1e-12);
    }

    @Test
    void valuesAreCopied() {
        float[] values = {1, 2};
        ClassScores scores = new ClassScores(values, ScoreKind.LOGITS);
        values[0] = 9;

        assertEquals(1, scores.values()[0]);
    }
}
