package org.backdrop.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.backdrop.image.RgbImage;

/** Gives access to the pixels and files of a dataset's samples. */
public interface SampleImages {

    /** Decodes the sample's image to 8-bit RGB, upright. */
    RgbImage load(Dataset dataset, Sample sample) throws IOException;

    /** Returns the sample's image file when it is stored as one (not for CIFAR records). */
    default Optional<Path> file(Dataset dataset, Sample sample) {
        if (sample.image() instanceof ImageRef.File file) {
            return Optional.of(SafePaths.resolveInside(dataset.root(), file.path()));
        }
        return Optional.empty();
    }
}
