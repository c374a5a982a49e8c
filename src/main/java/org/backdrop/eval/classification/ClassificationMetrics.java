package org.backdrop.eval.classification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes the classification metrics of one variant and compares variants with the original. */
public final class ClassificationMetrics {

    private ClassificationMetrics() {}

    /**
     * Computes accuracy, per-class accuracy and the confusion matrix.
     *
     * @param classCount the number of classes; labels run from 0 to {@code classCount - 1}
     * @throws IllegalArgumentException if {@code predictions} is empty, a label is out of range, or a sample
     *     id occurs twice; the message names the sample
     */
    public static ClassificationReport evaluate(List<Prediction> predictions, int classCount) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("no predictions to evaluate");
        }
        checkIds(predictions);
        long[][] confusion = new long[classCount][classCount];
        int[] samplesPerClass = new int[classCount];
        int[] correctPerClass = new int[classCount];
        int correct = 0;
        for (Prediction prediction : predictions) {
            checkLabel(prediction, prediction.trueLabel(), classCount);
            checkLabel(prediction, prediction.predictedLabel(), classCount);
            confusion[prediction.trueLabel()][prediction.predictedLabel()]++;
            samplesPerClass[prediction.trueLabel()]++;
            if (prediction.isCorrect()) {
                correctPerClass[prediction.trueLabel()]++;
                correct++;
            }
        }

        List<Double> perClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            perClass.add(samplesPerClass[c] == 0 ? Double.NaN : (double) correctPerClass[c] / samplesPerClass[c]);
        }
        return new ClassificationReport(predictions.size(), correct, (double) correct / predictions.size(), perClass, new ConfusionMatrix(confusion));
    }

    /**
     * Compares a variant with the original over the sample ids both contain: the accuracy of each, the
     * drop, and the samples that flip from right on the original to wrong on the variant.
     *
     * @throws IllegalArgumentException if the two share no sample id, or an id occurs twice in one list
     */
    public static VariantComparison compare(List<Prediction> original, List<Prediction> variant) {
        checkIds(original);
        checkIds(variant);
        Map<String, Prediction> variantById = new LinkedHashMap<>();
        for (Prediction prediction : variant) {
            variantById.put(prediction.sampleId(), prediction);
        }

        int paired = 0;
        int originalCorrect = 0;
        int variantCorrect = 0;
        List<String> flips = new ArrayList<>();
        for (Prediction before : original) {
            Prediction after = variantById.get(before.sampleId());
            if (after == null) {
                continue;
            }
            paired++;
            originalCorrect += before.isCorrect() ? 1 : 0;
            variantCorrect += after.isCorrect() ? 1 : 0;
            if (before.isCorrect() && !after.isCorrect()) {
                flips.add(before.sampleId());
            }
        }
        if (paired == 0) {
            throw new IllegalArgumentException("the original and the variant share no sample id; compare variants made from the same dataset");
        }

        double originalAccuracy = (double) originalCorrect / paired;
        double variantAccuracy = (double) variantCorrect / paired;
        return new VariantComparison(paired, originalAccuracy, variantAccuracy, originalAccuracy - variantAccuracy, flips);
    }

    /**
     * Computes the accuracy of each group and finds the worst. Samples without a group are left out.
     *
     * @param groupOfSample the group name of each sample id
     * @throws IllegalArgumentException if no prediction belongs to a group, or a sample id occurs twice
     */
    public static WorstGroup worstGroup(List<Prediction> predictions, Map<String, String> groupOfSample) {
        checkIds(predictions);
        Map<String, int[]> counts = new TreeMap<>();
        for (Prediction prediction : predictions) {
            String group = groupOfSample.get(prediction.sampleId());
            if (group != null) {
                int[] count = counts.computeIfAbsent(group, name -> new int[2]);
                count[0]++;
                count[1] += prediction.isCorrect() ? 1 : 0;
            }
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("none of the " + predictions.size() + " predictions belongs to a group; check the group map's sample ids");
        }

        List<GroupAccuracy> groups = new ArrayList<>();
        GroupAccuracy worst = null;
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] count = entry.getValue();
            GroupAccuracy group = new GroupAccuracy(entry.getKey(), count[0], count[1], (double) count[1] / count[0]);
            groups.add(group);
            if (worst == null || group.accuracy() < worst.accuracy()) {
                worst = group;
            }
        }
        return new WorstGroup(groups, worst);
    }

    private static void checkIds(List<Prediction> predictions) {
        Set<String> seen = new HashSet<>();
        for (Prediction prediction : predictions) {
            if (!seen.add(prediction.sampleId())) {
                throw new IllegalArgumentException("sample id \"" + prediction.sampleId() + "\" occurs twice; give each sample one prediction");
            }
        }
    }

    private static void checkLabel(Prediction prediction, int label, int classCount) {
        if (label < 0 || label >= classCount) {
            throw new IllegalArgumentException("sample \"" + prediction.sampleId() + "\" has the label " + label
                    + ", outside the " + classCount + " classes 0 to " + (classCount - 1));
        }
    }
}
