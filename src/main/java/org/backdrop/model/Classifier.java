package org.backdrop.model;

import java.util.List;
import org.backdrop.image.RgbImage;

/** An image classifier. */
public interface Classifier extends ImageModel {

    /**
     * Classifies {@code images}, in batches of {@link #batchSize()}.
     *
     * @return one result per image, in order; empty for an empty list
     * @throws ModelException if inference fails
     */
    List<ClassScores> classify(List<RgbImage> images) throws ModelException;
}
