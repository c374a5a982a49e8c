package org.backdrop.ui.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.backdrop.ProgressListener;
import org.backdrop.augment.AugmentException;
import org.backdrop.augment.AugmentJob;
import org.backdrop.augment.AugmentOptions;
import org.backdrop.augment.AugmentResult;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.ImageValidator;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.backdrop.engine.launch.SparkInstallation;
import org.backdrop.segment.MaskFilter;
import org.backdrop.segment.MasksFile;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.cluster.RunOn;
import org.backdrop.ui.task.ProgressTask;

/**
 * The export dialog's state: output folder, backgrounds and filters, turned into an
 * {@link AugmentJob} run exactly as {@code backdrop augment} runs it (images checked first, then
 * the job). The session's masks go to the job through a temporary masks file; without masks the job
 * chooses its own source. On a Spark cluster the same options become the arguments of
 * {@code augment --engine spark}, submitted through the configured Spark installation.
 */
public final class ExportViewModel {

    /** The outcome of an export: the job's result and every skipped sample, the unreadable images first. */
    public record Summary(AugmentResult result, List<InvalidSample> skipped) {

        /** Returns a few lines for the dialog: images per variant, skipped samples with reasons, the manifest. */
        public String describe(int maxReasons) {
            StringBuilder text = new StringBuilder();
            int images = 0;
            for (AugmentResult.Variant variant : result.variants()) {
                images += variant.images();
                text.append(variant.name()).append(": ").append(variant.images()).append(" images in ").append(variant.dir()).append('\n');
            }
            text.insert(0, "Wrote " + images + " images in " + result.variants().size() + " variants.\n");
            text.append("Skipped ").append(skipped.size()).append(" samples").append(skipped.isEmpty() ? "." : ":").append('\n');
            for (int i = 0; i < Math.min(maxReasons, skipped.size()); i++) {
                text.append("  ").append(skipped.get(i).file()).append(": ").append(skipped.get(i).reason()).append('\n');
            }
            if (skipped.size() > maxReasons) {
                text.append("  … and ").append(skipped.size() - maxReasons).append(" more, all listed in the manifest\n");
            }
            text.append("Manifest: ").append(result.manifest());
            return text.toString();
        }
    }

    private final StudioSession session;
    private final ObjectProperty<Path> outputFolder = new SimpleObjectProperty<>();
    private final StringProperty backgrounds = new SimpleStringProperty("red,mean");
    private final BooleanProperty reviewedOnly = new SimpleBooleanProperty(false);
    private final IntegerProperty minObjectPixels = new SimpleIntegerProperty(0);
    private final ObjectProperty<Double> feather = new SimpleObjectProperty<>(0.0);
    private final ObjectProperty<Long> seed = new SimpleObjectProperty<>(0L);
    private final ObjectProperty<RunOn> runOn = new SimpleObjectProperty<>(RunOn.THIS_COMPUTER);
    private final Supplier<Optional<SparkInstallation>> spark;

    /** Creates the state of an export that runs on this computer only. */
    public ExportViewModel(StudioSession session) {
        this(session, Optional::empty);
    }

    /** Creates the state of an export that can also run on {@code spark}'s installation, when it returns one. */
    public ExportViewModel(StudioSession session, Supplier<Optional<SparkInstallation>> spark) {
        this.session = session;
        this.spark = spark;
    }

    /** Returns the machine the export runs on; the Spark cluster needs a configured installation. */
    public ObjectProperty<RunOn> runOnProperty() {
        return runOn;
    }

    /** Returns the configured Spark installation, or empty when exports can run on this computer only. */
    public Optional<SparkInstallation> sparkInstallation() {
        return spark.get();
    }

    public ObjectProperty<Path> outputFolderProperty() {
        return outputFolder;
    }

    /** Background names separated by commas, as {@code augment --backgrounds} takes them. */
    public StringProperty backgroundsProperty() {
        return backgrounds;
    }

    /** True to export only the accepted and edited samples of the review. */
    public BooleanProperty reviewedOnlyProperty() {
        return reviewedOnly;
    }

    public IntegerProperty minObjectPixelsProperty() {
        return minObjectPixels;
    }

    public ObjectProperty<Double> featherProperty() {
        return feather;
    }

    public ObjectProperty<Long> seedProperty() {
        return seed;
    }

    /** Returns the background names of {@link #backgroundsProperty()}, blanks dropped. */
    public List<String> backgroundList() {
        List<String> names = new ArrayList<>();
        for (String name : backgrounds.get().split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /**
     * Returns a message saying what is missing before an export can start, or empty when it can.
     */
    public Optional<String> problem() {
        if (session.dataset() == null) {
            return Optional.of("Open a dataset first.");
        }
        if (outputFolder.get() == null) {
            return Optional.of("Choose an output folder.");
        }
        if (backgroundList().isEmpty()) {
            return Optional.of("Name at least one background, such as red or mean.");
        }
        if (reviewedOnly.get() && session.review().keptIds(session.dataset().samples()).isEmpty()) {
            return Optional.of("No sample is accepted yet; review some samples or untick \"Only accepted samples\".");
        }
        if (runOn.get() == RunOn.SPARK_CLUSTER) {
            Optional<SparkInstallation> installation = spark.get();
            if (installation.isEmpty()) {
                return Optional.of("No Spark installation is set up: set one in Edit › Spark cluster…, or run on this computer.");
            }
            try {
                installation.get().resolveJobJar();
            } catch (IllegalStateException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Returns the job's options: the filters, backgrounds, feathering and seed set here. */
    public AugmentOptions options(Optional<Path> masksFile) {
        Optional<Set<String>> curated = reviewedOnly.get()
                ? Optional.of(new HashSet<>(session.review().keptIds(session.dataset().samples())))
                : Optional.empty();
        MaskFilter filter = new MaskFilter(minObjectPixels.get(), 0, curated);
        return new AugmentOptions(backgroundList(), masksFile, Optional.empty(), filter, feather.get(), 0, List.of(), seed.get(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Returns a task that checks the images, then runs the export, on this computer or as a Spark job as
     * {@link #runOnProperty()} chooses; its value is the summary.
     */
    public ProgressTask<Summary> exportTask() {
        Dataset dataset = session.dataset();
        Map<String, Rle> masks = session.masksProperty().get();
        Path out = outputFolder.get();
        AugmentOptions chosen = options(Optional.empty());
        if (runOn.get() == RunOn.SPARK_CLUSTER) {
            SparkInstallation installation = spark.get().orElseThrow(() -> new IllegalStateException(problem().orElse("no Spark installation")));
            return new ProgressTask<>("Exporting to " + out.getFileName() + " on " + installation.master(),
                    progress -> SparkExport.run(dataset, masks, out, chosen, installation, progress));
        }
        return new ProgressTask<>("Exporting to " + out.getFileName(), progress -> export(dataset, masks, out, chosen, progress));
    }

    /** Runs the export on the calling thread, as the task of {@link #exportTask()} does. */
    public Summary export(ProgressListener progress) throws IOException, InterruptedException, AugmentException, DatasetException {
        return export(session.dataset(), session.masksProperty().get(), outputFolder.get(), options(Optional.empty()), progress);
    }

    private static Summary export(Dataset dataset, Map<String, Rle> masks, Path out, AugmentOptions chosen, ProgressListener progress)
            throws IOException, InterruptedException, AugmentException, DatasetException {
        Path masksFile = masks.isEmpty() ? null : writeMasks(dataset, masks);
        try {
            int threads = Runtime.getRuntime().availableProcessors();
            Dataset checked = ImageValidator.validate(dataset, new ImageValidator.Options(ReadOptions.DEFAULT_MAX_PIXELS, true, threads), progress);
            AugmentResult result = new AugmentJob(dataset.root(), checked, withMasks(chosen, masksFile)).run(out, progress);
            List<InvalidSample> skipped = new ArrayList<>(checked.invalid());
            skipped.addAll(result.skipped());
            return new Summary(result, skipped);
        } finally {
            if (masksFile != null) {
                Files.deleteIfExists(masksFile);
            }
        }
    }

    static AugmentOptions withMasks(AugmentOptions options, Path masksFile) {
        return new AugmentOptions(options.backgrounds(), Optional.ofNullable(masksFile), options.maskSource(), options.filter(),
                options.featherSigma(), options.dilation(), options.combine(), options.seed(), options.threads());
    }

    static Path writeMasks(Dataset dataset, Map<String, Rle> masks) throws IOException {
        List<MasksFile.Entry> entries = new ArrayList<>();
        for (Sample sample : dataset.samples()) {
            Rle mask = masks.get(sample.id());
            if (mask != null) {
                int category = !sample.labels().isEmpty() ? sample.labels().get(0)
                        : sample.annotations().isEmpty() ? -1 : sample.annotations().get(0).categoryId();
                entries.add(new MasksFile.Entry(sample.id(), sample.image().describe(), category, mask, "studio"));
            }
        }
        Path file = Files.createTempFile("backdrop-masks-", ".json");
        MasksFile.write(file, entries);
        return file;
    }
}
