package org.backdrop.augment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backdrop.ProgressListener;
import org.backdrop.background.BackgroundUnavailableException;
import org.backdrop.background.Backgrounds;
import org.backdrop.background.Compositor;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.DatasetWriters;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.dataset.WriteReport;
import org.backdrop.image.RgbImage;

/**
 * The combined training set: every sample of the original dataset when {@code original} is listed,
 * followed by the kept samples of each listed variant, in the order given. A variant's samples get the
 * id {@code <variant>_<id>} so that file names stay unique.
 */
final class CombinedSet {

    private final Dataset dataset;
    private final AugmentPool pool;
    private final AugmentOptions options;
    private final DatasetFormat format;

    CombinedSet(Dataset dataset, AugmentPool pool, Map<String, AugmentJob.VariantOutput> variants, AugmentOptions options,
            DatasetFormat format) {
        this.dataset = dataset;
        this.pool = pool;
        this.options = options;
        this.format = format;
    }

    /** Writes the set and returns the number of images written. */
    int write(Path dir, RunState state, ProgressListener progress) throws DatasetException, IOException {
        Optional<RunState.Finished> finished = state.finished(AugmentJob.COMBINED);
        if (finished.isPresent()) {
            return finished.get().written();
        }

        List<Sample> samples = new ArrayList<>();
        Map<String, Source> sources = new HashMap<>();
        DatasetImages originals = new DatasetImages();
        Compositor compositor = new Compositor(options.dilation(), options.featherSigma());
        for (String name : options.combine()) {
            if (name.equals(AugmentOptions.ORIGINAL)) {
                for (Sample sample : dataset.samples()) {
                    samples.add(sample);
                    sources.put(sample.id(), new Source(null, -1, sample));
                }
                continue;
            }
            var background = options.backgrounds().stream().map(Backgrounds::parse).filter(b -> b.name().equals(name)).findFirst()
                    .orElseThrow().prepare(pool, progress);
            for (int i = 0; i < pool.size(); i++) {
                Sample original = pool.sample(i);
                Sample renamed = renamed(original, name);
                samples.add(renamed);
                int index = i;
                sources.put(renamed.id(), new Source(() -> background.compose(
                        org.backdrop.background.BackgroundRequest.of(pool, index, options.seed(), name), compositor), index, original));
            }
        }

        SampleImages images = new SampleImages() {
            @Override
            public RgbImage load(Dataset unused, Sample sample) throws IOException {
                Source source = sources.get(sample.id());
                if (source.render == null) {
                    return originals.load(dataset, source.original);
                }
                try {
                    return source.render.get();
                } catch (BackgroundUnavailableException e) {
                    // Writers skip a sample whose pixels cannot be loaded and list it with this reason.
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public Optional<Path> file(Dataset unused, Sample sample) {
                Source source = sources.get(sample.id());
                return source.render == null ? originals.file(dataset, source.original) : Optional.empty();
            }
        };
        Dataset combined = new Dataset(format, dataset.root(), dataset.categories(), samples, List.of());
        WriteReport report = DatasetWriters.forFormat(format).writeWithReport(combined, images, dir, progress);
        state.markFinished(AugmentJob.COMBINED, new RunState.Finished(report.written(), report.skipped()));
        return report.written();
    }

    /** Returns the sample under the id {@code <variant>_<id>}, its image file placed in a folder named after the variant. */
    private static Sample renamed(Sample sample, String variant) {
        ImageRef image = sample.image() instanceof ImageRef.CifarRecord record ? record : new ImageRef.File(variant + "/" + sample.image().describe());
        return new Sample(variant + "_" + sample.id(), image, sample.width(), sample.height(), sample.labels(), sample.annotations());
    }

    private record Source(java.util.function.Supplier<RgbImage> render, int index, Sample original) {}
}
