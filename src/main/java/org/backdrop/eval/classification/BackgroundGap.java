package org.backdrop.eval.classification;

/**
 * ImageNet-9's BG-gap (Xiao et al., "Noise or Signal: The Role of Image Backgrounds in Object
 * Recognition", ICLR 2021): the accuracy on Mixed-Same (each foreground on a background of its own class)
 * minus the accuracy on Mixed-Rand (each foreground on a random background). A large gap means the model
 * relies on the background's class signal.
 *
 * @param mixedSameAccuracy accuracy on the Mixed-Same variant, from 0 to 1
 * @param mixedRandAccuracy accuracy on the Mixed-Rand variant, from 0 to 1
 * @param gap {@code mixedSameAccuracy - mixedRandAccuracy}
 */
public record BackgroundGap(double mixedSameAccuracy, double mixedRandAccuracy, double gap) {

    /** Computes the gap from the two variants' reports. */
    public static BackgroundGap of(ClassificationReport mixedSame, ClassificationReport mixedRand) {
        return new BackgroundGap(mixedSame.accuracy(), mixedRand.accuracy(), mixedSame.accuracy() - mixedRand.accuracy());
    }
}
