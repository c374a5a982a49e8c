package org.backdrop.background;

import java.util.Objects;
import java.util.Optional;
import org.backdrop.image.RgbImage;

/**
 * Everything a {@link Background} may use to make the background of one sample for one variant.
 *
 * @param pool the dataset the sample belongs to, for methods that borrow from other samples
 * @param index the sample's index in {@code pool}
 * @param sampleId the dataset's id of the sample, one input of every seed
 * @param label the sample's class label, or {@link SamplePool#NO_LABEL}
 * @param image the sample's pixels
 * @param mask the sample's foreground mask, one byte per pixel, row-major, non-zero for the object
 * @param objectBox the box around the object, used by the ImageNet-9 box variants; empty when the
 *     sample has no object
 * @param runSeed the seed the user chose for the whole run
 * @param variant the variant's name, the last input of every seed
 */
public record BackgroundRequest(
        SamplePool pool,
        int index,
        String sampleId,
        int label,
        RgbImage image,
        byte[] mask,
        Optional<PixelBox> objectBox,
        long runSeed,
        String variant) {

    /**
     * Validates the request.
     *
     * @throws IllegalArgumentException if the mask does not have one byte per pixel or the index is
     *     outside the pool
     */
    public BackgroundRequest {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(objectBox, "objectBox");
        Objects.requireNonNull(variant, "variant");
        if (index < 0 || index >= pool.size()) {
            throw new IllegalArgumentException(
                    "sample " + sampleId + ": index " + index + " is outside the pool of " + pool.size() + " samples");
        }
        Masks.requireSize(mask, image.width(), image.height());
    }

    /** Creates the request for sample {@code index} of {@code pool}, reading its pixels, mask, label and box. */
    public static BackgroundRequest of(SamplePool pool, int index, long runSeed, String variant) {
        RgbImage image = pool.image(index);
        byte[] mask = pool.mask(index);
        return new BackgroundRequest(pool, index, pool.id(index), pool.label(index), image, mask,
                SamplePool.objectBox(pool, index, image, mask), runSeed, variant);
    }

    /** Returns a fresh generator for this sample and variant; see {@link Seeds#derive}. */
    public SplitMix64 random() {
        return Seeds.random(runSeed, sampleId, variant);
    }

    /** Returns the image width in pixels. */
    public int width() {
        return image.width();
    }

    /** Returns the image height in pixels. */
    public int height() {
        return image.height();
    }
}
