package org.backdrop.dataset.voc;

import java.util.Map;
import org.backdrop.dataset.BoundingBox;

/**
 * One {@code <object>} of a VOC annotation file.
 *
 * @param name the class name as written, such as {@code dog}
 * @param box the box converted from VOC's 1-based inclusive corners
 * @param difficult the {@code difficult} flag; false when the element is missing or empty
 * @param truncated the {@code truncated} flag; false when the element is missing or empty
 * @param attributes every other element of the object as text, keyed by its path: {@code pose},
 *     {@code occluded}, {@code actions.phoning}, {@code point.x}; siblings that share a name are
 *     numbered from 0, as in {@code part[1].bndbox.xmin}
 */
public record VocObject(String name, BoundingBox box, boolean difficult, boolean truncated, Map<String, String> attributes) {

    public VocObject {
        attributes = Map.copyOf(attributes);
    }
}
