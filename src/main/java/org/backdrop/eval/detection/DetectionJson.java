package org.backdrop.eval.detection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.backdrop.eval.coco.CategoryResult;
import org.backdrop.eval.coco.CocoEvalParams;
import org.backdrop.eval.coco.CocoEvaluation;
import org.backdrop.eval.coco.CocoSummary;
import org.backdrop.eval.voc.VocClassResult;
import org.backdrop.eval.voc.VocEvaluation;

/** The JSON documents of COCO and VOC detection results, as {@code eval-det} and {@code eval-voc} print them. */
public final class DetectionJson {

    private DetectionJson() {}

    /**
     * Returns {@code eval-det}'s document: the 12 summary numbers by name, {@code perCategory}
     * ({@code id, name, AP, AP50, AP75, AR100}), {@code iouType}, {@code maxDets}, {@code summaryMaxDets},
     * {@code iouThresholds} and pycocotools' {@code summaryLines}.
     */
    public static ObjectNode coco(CocoSummary summary, CocoEvaluation evaluation) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        double[] stats = summary.stats();
        for (int i = 0; i < stats.length; i++) {
            document.put(CocoSummary.NAMES.get(i), stats[i]);
        }

        ArrayNode perCategory = document.putArray("perCategory");
        for (CategoryResult category : evaluation.perCategory()) {
            ObjectNode entry = perCategory.addObject();
            entry.put("id", category.id());
            entry.put("name", category.name());
            entry.put("AP", category.ap());
            entry.put("AP50", category.ap50());
            entry.put("AP75", category.ap75());
            entry.put("AR100", category.ar100());
        }

        CocoEvalParams params = evaluation.params();
        document.put("iouType", params.iouType().cocoName());
        ArrayNode maxDets = document.putArray("maxDets");
        for (int maxDet : params.maxDetections()) {
            maxDets.add(maxDet);
        }
        ArrayNode statMaxDets = document.putArray("summaryMaxDets");
        for (int maxDet : summary.maxDets()) {
            statMaxDets.add(maxDet);
        }
        ArrayNode thresholds = document.putArray("iouThresholds");
        for (double threshold : params.iouThresholds()) {
            thresholds.add(threshold);
        }
        ArrayNode lines = document.putArray("summaryLines");
        summary.lines().forEach(lines::add);
        return document;
    }

    /**
     * Returns {@code {"mAP", "classes": {"<name>": {"AP", "detections", "recall", "precision",
     * "positives"}}, "metric", "iouThreshold", "excludedClasses"}}; undefined numbers are null.
     */
    public static ObjectNode voc(VocEvaluation evaluation, String metric, double iouThreshold) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        putNumber(document, "mAP", evaluation.map());
        ObjectNode classNodes = document.putObject("classes");
        for (VocClassResult result : evaluation.classes().values()) {
            ObjectNode node = classNodes.putObject(result.className());
            putNumber(node, "AP", result.ap());
            node.put("detections", result.detections());
            putNumber(node, "recall", result.finalRecall());
            putNumber(node, "precision", result.finalPrecision());
            node.put("positives", result.positives());
        }
        document.put("metric", metric);
        document.put("iouThreshold", iouThreshold);
        evaluation.excludedClasses().forEach(document.putArray("excludedClasses")::add);
        return document;
    }

    /** Writes {@code value}, or null for NaN, which JSON cannot hold. */
    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
