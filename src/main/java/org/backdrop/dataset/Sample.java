package org.backdrop.dataset;

import java.util.List;

/**
 * One image of a dataset with its metadata; the pixels stay on disk until asked for.
 *
 * @param id the dataset's id for the image (COCO's image id as text, VOC's file stem, CIFAR's
 *     global record index)
 * @param image where the pixels are
 * @param width the width in pixels that the annotation declares (0 when the format declares none)
 * @param height the height in pixels that the annotation declares (0 when the format declares none)
 * @param labels image-level category ids (CIFAR-10 and image folders); empty for detection datasets
 * @param annotations the objects, possibly none
 */
public record Sample(String id, ImageRef image, int width, int height, List<Integer> labels, List<Annotation> annotations) {

    public Sample {
        labels = List.copyOf(labels);
        annotations = List.copyOf(annotations);
    }
}
