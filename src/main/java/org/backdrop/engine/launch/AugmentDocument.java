package org.backdrop.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.augment.AugmentResult;
import org.backdrop.dataset.InvalidSample;

/** Reads the JSON result of {@code augment --json} back into an {@link AugmentResult}. */
public final class AugmentDocument {

    private AugmentDocument() {}

    /**
     * Returns the result that {@code document} describes. Its skipped list contains every skipped sample,
     * the unreadable images first, as the command prints them.
     *
     * @throws IllegalArgumentException naming the field that is missing or of the wrong type
     */
    public static AugmentResult read(JsonNode document) {
        List<AugmentResult.Variant> variants = new ArrayList<>();
        for (JsonNode variant : array(document, "variants")) {
            variants.add(new AugmentResult.Variant(text(variant, "name"), number(variant, "images"), Path.of(text(variant, "dir"))));
        }
        List<InvalidSample> skipped = new ArrayList<>();
        for (JsonNode sample : array(document, "skipped")) {
            skipped.add(new InvalidSample(text(sample, "file"), text(sample, "reason")));
        }
        return new AugmentResult(variants, skipped, Path.of(text(document, "manifest")));
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("the augment result has no \"" + field + "\" list: " + abbreviate(node));
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the augment result has no text field \"" + field + "\" in " + abbreviate(node));
        }
        return value.textValue();
    }

    private static int number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new IllegalArgumentException("the augment result has no whole-number field \"" + field + "\" in " + abbreviate(node));
        }
        return value.intValue();
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
