package org.backdrop.dataset.voc;

import java.util.List;

/**
 * The content of one VOC annotation file ({@code Annotations/<id>.xml}) that Backdrop uses.
 *
 * @param filename the image file name inside {@code JPEGImages}, or empty when the file has none
 * @param width the image width in pixels from {@code <size>}, 0 when missing
 * @param height the image height in pixels from {@code <size>}, 0 when missing
 * @param segmented the {@code <segmented>} flag
 * @param objects the objects in file order; empty for an image without objects
 */
public record VocAnnotationFile(String filename, int width, int height, boolean segmented, List<VocObject> objects) {

    public VocAnnotationFile {
        objects = List.copyOf(objects);
    }
}
