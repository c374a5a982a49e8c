package org.backdrop.background;

import java.util.Optional;
import org.backdrop.image.RgbImage;

/**
 * Read access to the samples of one dataset by index, for methods that borrow another sample's
 * background or average over the dataset. Indices run from 0 to {@link #size()} - 1.
 *
 * <p>Implementations must be safe to call from several threads at once and must return the same
 * pixels, mask and label for an index every time, because strategies may read a sample more than once.
 */
public interface SamplePool {

    /** The label of a sample that has no image-level class. */
    int NO_LABEL = -1;

    /** Returns the number of samples; 0 for an empty dataset. */
    int size();

    /** Returns the dataset's id of sample {@code index}; seeds derive from it, so it must be stable. */
    String id(int index);

    /**
     * Returns the class label of sample {@code index}, or {@link #NO_LABEL}. Labels are compared as
     * integers and ordered ascending, which defines the "next class".
     */
    int label(int index);

    /** Returns the pixels of sample {@code index}, decoding them when needed. */
    RgbImage image(int index);

    /**
     * Returns the foreground mask of sample {@code index}: one byte per pixel of {@link #image(int)},
     * row-major, non-zero for the object (VOC's void pixels count as object).
     */
    byte[] mask(int index);

    /**
     * Returns the name of a class as group and mapping files spell it; by default the label's decimal
     * digits.
     */
    default String className(int label) {
        return Integer.toString(label);
    }

    /**
     * Returns the box enclosing the annotated objects of sample {@code index}, for a pool whose dataset
     * has boxes; by default empty, and then the smallest box around the mask's foreground is used.
     */
    default Optional<PixelBox> annotatedBox(int index) {
        return Optional.empty();
    }

    /**
     * Returns the box around the object of a sample whose pixels and mask are already loaded: its
     * {@link #annotatedBox}, else the smallest box around the mask's foreground, empty when there is none.
     */
    static Optional<PixelBox> objectBox(SamplePool pool, int index, RgbImage image, byte[] mask) {
        return pool.annotatedBox(index).or(() -> PixelBox.enclosing(mask, image.width(), image.height()));
    }
}
