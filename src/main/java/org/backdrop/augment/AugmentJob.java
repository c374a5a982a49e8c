package org.backdrop.augment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.backdrop.ProgressListener;
import org.backdrop.background.Background;
import org.backdrop.background.BackgroundUnavailableException;
import org.backdrop.background.Backgrounds;
import org.backdrop.background.Compositor;
import org.backdrop.background.CorrelatedBackground;
import org.backdrop.background.MeanBackground;
import org.backdrop.background.OtherSampleBackground;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.DatasetWriters;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReportingDatasetWriter;
import org.backdrop.dataset.SampleImages;
import org.backdrop.dataset.WriteReport;
import org.backdrop.segment.AnnotationMaskSource;
import org.backdrop.segment.GrabCutMaskSource;
import org.backdrop.segment.MaskPlan;
import org.backdrop.segment.MaskSource;
import org.backdrop.segment.MasksFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one augmentation: chooses the masks, renders every background variant of every kept sample, and
 * writes one dataset per variant under {@code outDir/<variant>/} in the input's layout (CIFAR-10 python
 * batches are written as binary batches), an optional combined training set under
 * {@code outDir/combined/}, and {@code outDir/manifest.json}.
 *
 * <p>The output bytes depend only on the input, the options and the seed, never on the thread count.
 * Finished variants are recorded as they complete, so rerunning an interrupted run with the same
 * command writes only the variants that were not finished.
 */
public final class AugmentJob {

    private static final Logger LOG = LoggerFactory.getLogger(AugmentJob.class);

    /** The folder of the combined training set. */
    public static final String COMBINED = "combined";

    private final Path input;
    private final Dataset dataset;
    private final AugmentOptions options;
    private final SampleImages images;
    private AugmentEngine engine;

    /**
     * @param input the path the user named (a folder, or a COCO annotation file), for the checksum
     * @param dataset the dataset read from it, with invalid samples already removed
     */
    public AugmentJob(Path input, Dataset dataset, AugmentOptions options) {
        this.input = input;
        this.dataset = dataset;
        this.options = options;
        this.images = new DatasetImages();
    }

    /**
     * Renders the variants' samples with {@code engine} instead of this JVM's threads; masks, the
     * written datasets and the manifest stay with this job.
     */
    public AugmentJob withEngine(AugmentEngine engine) {
        this.engine = engine;
        return this;
    }

    /**
     * Runs the augmentation into {@code outDir}.
     *
     * @throws AugmentException when no sample has a usable mask, a background name is invalid, two
     *     backgrounds share a name, or the output folder contains something else
     * @throws DatasetException when an output dataset cannot be written
     */
    public AugmentResult run(Path outDir, ProgressListener progress) throws AugmentException, DatasetException, IOException, InterruptedException {
        List<Background> backgrounds = parseBackgrounds();
        ExecutorService executor = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "augment");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long start = System.nanoTime();
            String checksum = SourceChecksum.of(input, dataset.root());
            String fingerprint = fingerprint(checksum, backgrounds);
            RunState state = RunState.open(outDir, fingerprint);
            LOG.debug("Source checksum {} in {} ms", checksum, (System.nanoTime() - start) / 1_000_000);

            start = System.nanoTime();
            MaskPlan plan = planMasks(executor, progress);
            LOG.debug("Planned masks for {} samples in {} ms", plan.samples().size(), (System.nanoTime() - start) / 1_000_000);
            if (plan.samples().isEmpty()) {
                throw new AugmentException("no sample has a usable mask (" + plan.skipped().size()
                        + " skipped); check the mask source and the --min-object-pixels and --curated filters");
            }
            // Keeping decoded images pays only when a sample is read more than once.
            boolean readsMoreThanOnce = backgrounds.size() > 1 || !options.combine().isEmpty()
                    || backgrounds.stream().anyMatch(AugmentJob::readsOtherSamples);
            AugmentPool pool = new AugmentPool(dataset, plan.samples(), plan.masks(), images, readsMoreThanOnce);
            Compositor compositor = new Compositor(options.dilation(), options.featherSigma());
            AugmentPlan remote = engine == null ? null : new AugmentPlan(fingerprint, input, dataset.format(), options, pool, readsMoreThanOnce);

            List<InvalidSample> skipped = new ArrayList<>(plan.skipped());
            List<AugmentResult.Variant> variants = new ArrayList<>();
            Map<String, VariantOutput> written = new LinkedHashMap<>();
            for (int b = 0; b < backgrounds.size(); b++) {
                Background background = backgrounds.get(b);
                VariantOutput output = remote == null
                        ? writeVariant(background, pool, compositor, outDir, state, executor, progress)
                        : writeVariant(remote, b, pool, outDir, state, progress);
                written.put(background.name(), output);
                variants.add(new AugmentResult.Variant(background.name(), output.written(), outDir.resolve(background.name())));
                output.skipped().forEach(sample -> skipped.add(new InvalidSample(sample.file(), background.name() + ": " + sample.reason())));
            }
            if (!options.combine().isEmpty()) {
                int count = new CombinedSet(dataset, pool, written, options, outputFormat()).write(outDir.resolve(COMBINED), state, progress);
                variants.add(new AugmentResult.Variant(COMBINED, count, outDir.resolve(COMBINED)));
            }

            Path manifest = outDir.resolve("manifest.json");
            start = System.nanoTime();
            new Manifest(input, dataset, checksum, options, backgrounds, pool, variants, skipped).write(manifest, outDir);
            LOG.debug("Wrote the manifest in {} ms", (System.nanoTime() - start) / 1_000_000);
            return new AugmentResult(variants, skipped, manifest);
        } finally {
            executor.shutdownNow();
        }
    }

    private List<Background> parseBackgrounds() throws AugmentException {
        List<Background> parsed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String spec : options.backgrounds()) {
            Background background;
            try {
                background = Backgrounds.parse(spec);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new AugmentException("invalid background '" + spec + "': " + e.getMessage(), e);
            }
            if (names.contains(background.name()) || background.name().equals(COMBINED) || background.name().equals(AugmentOptions.ORIGINAL)) {
                throw new AugmentException("two backgrounds would both write the folder '" + background.name()
                        + "'; run them into separate --out folders");
            }
            names.add(background.name());
            parsed.add(background);
        }
        for (String name : options.combine()) {
            if (!name.equals(AugmentOptions.ORIGINAL) && !names.contains(name)) {
                throw new AugmentException("--combine names '" + name + "', which is neither 'original' nor one of the backgrounds " + names);
            }
        }
        return parsed;
    }

    /** Returns true for methods that read samples other than the one they render. */
    private static boolean readsOtherSamples(Background background) {
        return background instanceof MeanBackground || background instanceof OtherSampleBackground || background instanceof CorrelatedBackground;
    }

    private MaskPlan planMasks(ExecutorService executor, ProgressListener progress) throws IOException, InterruptedException, AugmentException {
        if (options.masksFile().isPresent()) {
            return MaskPlan.fromFile(dataset, MasksFile.read(options.masksFile().get()), options.filter());
        }
        try (MaskSource source = maskSource()) {
            LOG.info("Computing masks with {}", source.name());
            return MaskPlan.compute(dataset, source, images, options.filter(), executor, progress);
        }
    }

    private MaskSource maskSource() throws AugmentException {
        String name = options.maskSource().orElseGet(() -> hasAnnotationMasks() ? "annotations" : "grabcut");
        return switch (name) {
            case "annotations" -> new AnnotationMaskSource();
            case "grabcut" -> new GrabCutMaskSource(GrabCutMaskSource.Options.defaults());
            default -> throw new AugmentException("unknown mask source '" + name + "'; expected annotations or grabcut"
                    + " (compute ONNX model masks with 'backdrop masks' and pass them with --masks)");
        };
    }

    private boolean hasAnnotationMasks() {
        return dataset.samples().stream().anyMatch(sample -> sample.annotations().stream().anyMatch(a -> a.segmentation() != null));
    }

    /** The written images and skipped samples of one variant. */
    record VariantOutput(int written, List<InvalidSample> skipped) {}

    private VariantOutput writeVariant(Background background, AugmentPool pool, Compositor compositor, Path outDir, RunState state,
            ExecutorService executor, ProgressListener progress) throws DatasetException, IOException {
        String name = background.name();
        var finished = state.finished(name);
        if (finished.isPresent()) {
            LOG.info("Variant {} was finished by an earlier run; keeping it", name);
            return new VariantOutput(finished.get().written(), finished.get().skipped());
        }

        LOG.info("Writing variant {} ({} samples)", name, pool.size());
        Background prepared = background.prepare(pool, progress);
        VariantImages variantImages = new VariantImages(pool, prepared, compositor, options.seed(), executor, 2 * options.threads());
        Dataset variant = new Dataset(outputFormat(), dataset.root(), dataset.categories(), pool.samples(), List.of());
        try {
            WriteReport report = writer().writeWithReport(variant, variantImages, outDir.resolve(name), progress);
            variantImages.sources().save(outDir, name);
            state.markFinished(name, new RunState.Finished(report.written(), report.skipped()));
            return new VariantOutput(report.written(), report.skipped());
        } catch (BackgroundUnavailableException e) {
            throw new DatasetException("variant " + name + ": " + e.getMessage(), e);
        } finally {
            variantImages.discardPending();
        }
    }

    /** Writes a variant whose samples {@link #engine} renders. */
    private VariantOutput writeVariant(AugmentPlan plan, int b, AugmentPool pool, Path outDir, RunState state, ProgressListener progress)
            throws DatasetException, IOException {
        String name = plan.variantName(b);
        var finished = state.finished(name);
        if (finished.isPresent()) {
            LOG.info("Variant {} was finished by an earlier run; keeping it", name);
            return new VariantOutput(finished.get().written(), finished.get().skipped());
        }
        LOG.info("Rendering variant {} ({} samples) with {}", name, pool.size(), engine);
        Dataset variant = new Dataset(outputFormat(), dataset.root(), dataset.categories(), pool.samples(), List.of());
        try (AugmentEngine.Rendered rendered = engine.render(plan, b, outDir, progress)) {
            WriteReport report = writer().writeWithReport(variant, rendered.images(), outDir.resolve(name), progress);
            BackgroundSources sources = new BackgroundSources(pool.size());
            for (int i = 0; i < pool.size(); i++) {
                sources.record(i, rendered.source(i));
            }
            sources.save(outDir, name);
            state.markFinished(name, new RunState.Finished(report.written(), report.skipped()));
            return new VariantOutput(report.written(), report.skipped());
        }
    }

    DatasetFormat outputFormat() {
        return dataset.format();
    }

    ReportingDatasetWriter writer() throws DatasetException {
        return DatasetWriters.forFormat(outputFormat());
    }

    /** Hashes everything that decides the output bytes: the input's checksum, the options and the seed. */
    private String fingerprint(String checksum, List<Background> backgrounds) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("source", checksum);
        node.putPOJO("options", Manifest.optionsNode(options));
        node.put("variants", backgrounds.stream().map(Background::name).toList().toString());
        byte[] hash = SourceChecksum.sha256().digest(node.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash);
    }
}
