package org.backdrop.dataset;

import java.io.IOException;
import java.nio.file.Path;
import org.backdrop.dataset.cifar.CifarMappedBatches;
import org.backdrop.dataset.cifar.CifarPythonBatches;
import org.backdrop.image.DecodeOptions;
import org.backdrop.image.ImageDecodeException;
import org.backdrop.image.ImageDecoder;
import org.backdrop.image.RgbImage;

/**
 * Loads sample pixels for every layout: image files are decoded by {@link ImageDecoder} (upright,
 * truncated files rejected), CIFAR-10 records are read from their batch (binary batches through a
 * memory map opened once per batch, python pickles through a cache of the two most recently used
 * batches). Every file name is resolved inside the dataset root.
 *
 * <p>Thread-safe. Keep one instance per job so the python batch cache is reused.
 */
public final class DatasetImages implements SampleImages {

    private final CifarPythonBatches pythonBatches = new CifarPythonBatches(2);
    private final CifarMappedBatches binaryBatches = new CifarMappedBatches();

    /**
     * Loads the sample's pixels as 8-bit RGB.
     *
     * @throws IOException if the file cannot be read or decoded, its size matches neither the
     *     sample's declared size nor that size turned by EXIF orientation, or the record does not exist
     * @throws SafePaths.UnsafePathException if the image's name leads outside the dataset root
     */
    @Override
    public RgbImage load(Dataset dataset, Sample sample) throws IOException {
        ImageRef image = sample.image();
        if (image instanceof ImageRef.CifarRecord cifar) {
            Path batch = SafePaths.resolveInside(dataset.root(), cifar.batchFile());
            if (batch.getFileName().toString().endsWith(".bin")) {
                return binaryBatches.readImage(batch, cifar.index());
            }
            return pythonBatches.readImage(batch, cifar.index());
        }
        Path file = SafePaths.resolveInside(dataset.root(), ((ImageRef.File) image).path());
        try {
            if (sample.width() > 0 && sample.height() > 0) {
                return ImageDecoder.decodeForExpectedSize(file, DecodeOptions.defaults(), sample.width(), sample.height());
            }
            return ImageDecoder.decode(file);
        } catch (ImageDecodeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
