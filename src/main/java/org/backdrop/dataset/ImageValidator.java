package org.backdrop.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.backdrop.ProgressListener;
import org.backdrop.image.DecodeOptions;
import org.backdrop.image.ImageDecodeException;
import org.backdrop.image.ImageDecoder;
import org.backdrop.image.ImageHeader;

/**
 * Checks that every sample's image file can be used: it lies inside the dataset root, exists, declares
 * no more pixels than the limit, decodes completely (a truncated or corrupt file is invalid), and has the
 * size the annotation declares, upright or as stored (EXIF orientation decides which, see
 * {@link ImageDecoder#decodeForExpectedSize}). Samples stored in CIFAR batches have no file to check.
 */
public final class ImageValidator {

    /**
     * What to check.
     *
     * @param maxPixels images whose header declares more pixels are invalid before decoding
     * @param decode true to decode every image, which finds truncated and corrupt files; false to read
     *     only headers, which is much faster but finds only missing files, unreadable headers, oversized
     *     images and wrong sizes
     * @param threads how many images to check at once, at least 1
     */
    public record Options(long maxPixels, boolean decode, int threads) {

        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }

        public static Options defaults() {
            return new Options(ReadOptions.DEFAULT_MAX_PIXELS, true, Runtime.getRuntime().availableProcessors());
        }
    }

    private ImageValidator() {}

    /**
     * Returns {@code dataset} without the samples whose images fail a check; those are added to
     * {@link Dataset#invalid()} after the reader's own entries, in sample order, with the file relative to
     * the dataset root. Cancelling stops between images and returns the samples checked so far plus the
     * unchecked rest unchanged.
     */
    public static Dataset validate(Dataset dataset, Options options, ProgressListener progress) throws InterruptedException {
        List<Sample> samples = dataset.samples();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "image-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Optional<InvalidSample>>> checks = new ArrayList<>(samples.size());
            for (Sample sample : samples) {
                checks.add(pool.submit(() -> {
                    Optional<InvalidSample> result = progress.isCancelled() ? Optional.empty() : check(dataset.root(), sample, options);
                    progress.progress(done.incrementAndGet(), samples.size(), "Checking images");
                    return result;
                }));
            }

            List<Sample> valid = new ArrayList<>(samples.size());
            List<InvalidSample> invalid = new ArrayList<>(dataset.invalid());
            for (int i = 0; i < samples.size(); i++) {
                Optional<InvalidSample> problem = checks.get(i).get();
                if (problem.isPresent()) {
                    invalid.add(problem.get());
                } else {
                    valid.add(samples.get(i));
                }
            }
            return new Dataset(dataset.format(), dataset.root(), dataset.categories(), valid, invalid);
        } catch (ExecutionException e) {
            throw new IllegalStateException("checking images failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Returns why {@code sample}'s image is unusable, or empty when it passes every check. */
    public static Optional<InvalidSample> check(Path root, Sample sample, Options options) {
        if (!(sample.image() instanceof ImageRef.File file)) {
            return Optional.empty();
        }
        Path path;
        try {
            path = SafePaths.resolveInside(root, file.path());
        } catch (SafePaths.UnsafePathException e) {
            return Optional.of(new InvalidSample(file.path(), e.getMessage()));
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of(new InvalidSample(file.path(), "image file not found; check the file name in the annotation"));
        }

        DecodeOptions decodeOptions = DecodeOptions.defaults().withMaxPixels(Math.min(options.maxPixels(), DecodeOptions.MAX_SUPPORTED_PIXELS));
        try {
            if (options.decode()) {
                decode(path, sample, decodeOptions);
            } else {
                checkHeader(path, sample, decodeOptions);
            }
            return Optional.empty();
        } catch (ImageDecodeException e) {
            return Optional.of(new InvalidSample(file.path(), e.detail()));
        }
    }

    private static void decode(Path path, Sample sample, DecodeOptions options) throws ImageDecodeException {
        if (sample.width() > 0 && sample.height() > 0) {
            ImageDecoder.decodeForExpectedSize(path, options, sample.width(), sample.height());
        } else {
            ImageDecoder.decode(path, options);
        }
    }

    private static void checkHeader(Path path, Sample sample, DecodeOptions options) throws ImageDecodeException {
        ImageHeader header = ImageHeader.read(path);
        if (header.pixelCount() > options.maxPixels()) {
            throw new ImageDecodeException(path, ImageDecodeException.Reason.TOO_MANY_PIXELS, "the header declares "
                    + header.width() + "x" + header.height() + " pixels, more than the limit of " + options.maxPixels());
        }
        boolean sizeDeclared = sample.width() > 0 && sample.height() > 0;
        boolean stored = header.width() == sample.width() && header.height() == sample.height();
        boolean upright = header.orientedWidth() == sample.width() && header.orientedHeight() == sample.height();
        if (sizeDeclared && !stored && !upright) {
            throw new ImageDecodeException(path, ImageDecodeException.Reason.SIZE_MISMATCH, "size mismatch: the image is "
                    + header.width() + "x" + header.height() + ", but " + sample.width() + "x" + sample.height() + " is expected");
        }
    }
}
