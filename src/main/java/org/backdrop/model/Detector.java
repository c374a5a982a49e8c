package org.backdrop.model;

import java.util.List;
import org.backdrop.image.RgbImage;

/** An object detector. */
public interface Detector extends ImageModel {

    /**
     * Detects objects in each image.
     *
     * @return one list per image, in order, each sorted by descending score and possibly empty; empty for
     *     an empty list of images
     * @throws ModelException if inference fails
     */
    List<List<Detection>> detect(List<RgbImage> images) throws ModelException;
}
