package org.backdrop.ui.masks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.Sample;
import org.backdrop.engine.launch.SparkInstallation;
import org.backdrop.mask.Rle;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelException;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.segment.AnnotationMaskSource;
import org.backdrop.segment.GrabCutMaskSource;
import org.backdrop.segment.MaskFilter;
import org.backdrop.segment.MaskPlan;
import org.backdrop.segment.MaskSource;
import org.backdrop.segment.MasksFile;
import org.backdrop.segment.SegmentationModel;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.cluster.RunOn;
import org.backdrop.ui.task.ProgressTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The masks screen's state: which mask source to compute with, the masks of the open dataset (kept in
 * the session) and the samples that got none, with the reason. Computing goes through
 * {@link MaskPlan#compute} and files through {@link MasksFile}, as the {@code masks} command does; an
 * ONNX segmentation model loads with its spec as {@code masks --source onnx=MODEL[:SPEC]} loads it.
 *
 * <p>Masks are computed for the whole dataset, the selected sample or the samples that Browse's
 * filters show. Computed masks replace those of the computed samples; every other sample, and a
 * computed sample that got no mask, keeps the mask it had.
 */
public final class MasksViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MasksViewModel.class);

    /** A mask source that the screen offers. */
    public enum Source {
        ANNOTATIONS("annotations"), GRABCUT("grabcut"), MODEL("onnx");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** Returns the name the {@code masks --source} option uses. */
        public String label() {
            return label;
        }

        MaskSource open() {
            return switch (this) {
                case ANNOTATIONS -> new AnnotationMaskSource();
                case GRABCUT -> new GrabCutMaskSource(GrabCutMaskSource.Options.defaults());
                case MODEL -> throw new IllegalStateException("a model source needs its model file; use MasksViewModel.openSource");
            };
        }
    }

    /** The samples a computation covers. */
    public enum Scope {
        ALL("Whole dataset"), SELECTED("Selected sample"), FILTERED("Samples shown in Browse");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        /** Returns the name shown in the scope chooser. */
        public String label() {
            return label;
        }
    }

    /** Returns the source name that a masks file records for a mask saved from the mask editor. */
    public static final String EDITED_SOURCE = MaskOrigin.EDITED.label();

    private final StudioSession session;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.ANNOTATIONS);
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.ALL);
    private final ObjectProperty<Path> modelFile = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> specFile = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviceRequest> device = new SimpleObjectProperty<>(DeviceRequest.AUTO);
    private final ObjectProperty<RunOn> runOn = new SimpleObjectProperty<>(RunOn.THIS_COMPUTER);
    private final ObjectProperty<Optional<SparkInstallation>> spark = new SimpleObjectProperty<>(Optional.empty());
    private final ObservableList<Sample> filtered;
    private final ObservableList<InvalidSample> skipped = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No masks yet: compute them or load a masks file.");
    private Map<String, String> sourceNames = Map.of();

    /** Creates the model without Browse's filtered samples: {@link Scope#FILTERED} then covers no sample. */
    public MasksViewModel(StudioSession session) {
        this(session, FXCollections.observableArrayList());
    }

    /**
     * Creates the model; {@code filtered} is the list of samples that Browse's filters show, which
     * {@link Scope#FILTERED} computes.
     */
    public MasksViewModel(StudioSession session, ObservableList<Sample> filtered) {
        this.session = session;
        this.filtered = filtered;
        session.datasetProperty().addListener((observable, before, after) -> {
            skipped.clear();
            sourceNames = Map.of();
            int stored = session.masksProperty().get().size();
            summary.set(stored == 0 ? "No masks yet: compute them or load a masks file." : stored + " masks from the project");
        });
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /** Returns which samples {@link #computeTask()} covers. */
    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** Returns the ONNX segmentation model that {@link Source#MODEL} runs; null until one is chosen. */
    public ObjectProperty<Path> modelFileProperty() {
        return modelFile;
    }

    /** Returns the model's spec; null for the spec beside the model ({@code net.onnx} → {@code net.spec.json}). */
    public ObjectProperty<Path> specFileProperty() {
        return specFile;
    }

    /** Returns the device the model runs on: auto, cpu or cuda, as {@code masks --device} takes it. */
    public ObjectProperty<DeviceRequest> deviceProperty() {
        return device;
    }

    /** Returns the machine the computation runs on; the Spark cluster needs {@link #sparkProperty()} to hold an installation. */
    public ObjectProperty<RunOn> runOnProperty() {
        return runOn;
    }

    /** Returns the configured Spark installation, empty when masks can be computed on this computer only. */
    public ObjectProperty<Optional<SparkInstallation>> sparkProperty() {
        return spark;
    }

    /** Returns the samples that the chosen scope covers now, in dataset order. */
    public List<Sample> scopeSamples() {
        Dataset dataset = session.dataset();
        if (dataset == null) {
            return List.of();
        }
        return switch (scope.get()) {
            case ALL -> dataset.samples();
            case SELECTED -> {
                Sample selected = session.selectedProperty().get();
                yield selected == null ? List.of() : List.of(selected);
            }
            case FILTERED -> {
                Set<String> shown = new java.util.HashSet<>();
                filtered.forEach(sample -> shown.add(sample.id()));
                yield dataset.samples().stream().filter(sample -> shown.contains(sample.id())).toList();
            }
        };
    }

    /**
     * Opens the chosen mask source; for a model, loads the model file with its spec on the chosen
     * device. Call it off the JavaFX thread, as loading a model takes a while.
     *
     * @throws IllegalArgumentException naming the file and what to do if the model or its spec is
     *     missing or invalid, or the model cannot be loaded
     */
    public static MaskSource openSource(Source chosen, Path model, Path spec, DeviceRequest device) {
        if (chosen != Source.MODEL) {
            return chosen.open();
        }
        if (model == null) {
            throw new IllegalArgumentException("no segmentation model chosen; choose an ONNX model file (.onnx) with its spec");
        }
        try {
            return new SegmentationModel(model, spec, device).openMaskSource();
        } catch (ModelSpecException | ModelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Returns the samples of the last computation that got no mask, with the reason. */
    public ObservableList<InvalidSample> skipped() {
        return skipped;
    }

    /** Returns a line such as "38 masks from annotations; no mask for 2 of 40 samples". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * Returns a task that computes the mask of each sample in the chosen scope with the chosen source on
     * all processors. Run it with the session's task runner and pass its value to {@link #apply}.
     *
     * @throws IllegalStateException if the scope covers no sample
     */
    public ProgressTask<MaskPlan> computeTask() {
        ProgressTask.Work<MaskPlan> work = computation();
        String where = runOn.get() == RunOn.SPARK_CLUSTER ? " on Spark" : "";
        return new ProgressTask<>("Computing masks (" + source.get().label() + ", " + scopeSamples().size() + " samples)" + where, work);
    }

    /**
     * Returns the work of {@link #computeTask()}, with the options taken now, to run on any thread.
     *
     * @throws IllegalStateException if the scope covers no sample
     */
    public ProgressTask.Work<MaskPlan> computation() {
        Dataset whole = session.dataset();
        List<Sample> samples = scopeSamples();
        if (samples.isEmpty()) {
            throw new IllegalStateException(scope.get() == Scope.SELECTED ? "no sample is selected; pick one in Browse or Review"
                    : "no sample to compute; open a dataset or loosen Browse's filters");
        }
        Dataset dataset = samples.size() == whole.samples().size() ? whole
                : new Dataset(whole.format(), whole.root(), whole.categories(), samples, List.of());
        Source chosen = source.get();
        Path model = modelFile.get();
        Path spec = specFile.get();
        DeviceRequest onDevice = device.get();
        if (runOn.get() == RunOn.SPARK_CLUSTER) {
            SparkInstallation installation = spark.get().orElseThrow(() -> new IllegalStateException(
                    "no Spark installation is set up; set one in Edit › Spark cluster…, or compute on this computer"));
            String sourceArgument = SparkMasks.sourceArgument(chosen, model, spec);
            return progress -> SparkMasks.compute(whole, samples, sourceArgument, onDevice, installation, progress);
        }
        return progress -> {
            progress.progress(0, samples.size(), chosen == Source.MODEL && model != null ? "Loading " + model.getFileName() : "Computing masks");
            ExecutorService executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
                Thread thread = new Thread(runnable, "masks");
                thread.setDaemon(true);
                return thread;
            });
            try (MaskSource maskSource = openSource(chosen, model, spec, onDevice)) {
                return MaskPlan.compute(dataset, maskSource, session.images(), MaskFilter.none(), executor, progress);
            } finally {
                executor.shutdownNow();
            }
        };
    }

    /**
     * Puts the masks of {@code plan} into the session's masks: they replace those of their samples, and
     * every other sample keeps its mask. Call on the JavaFX thread.
     */
    public void apply(MaskPlan plan) {
        Map<String, Rle> masks = new LinkedHashMap<>(session.masksProperty().get());
        Map<String, String> names = new LinkedHashMap<>(sourceNames);
        Map<String, MaskOrigin> kept = new LinkedHashMap<>();
        masks.keySet().forEach(id -> session.maskOrigin(id).ifPresent(origin -> kept.put(id, origin)));
        for (int i = 0; i < plan.samples().size(); i++) {
            masks.put(plan.samples().get(i).id(), plan.masks().get(i));
            names.put(plan.samples().get(i).id(), source.get().label());
        }
        sourceNames = names;
        skipped.setAll(plan.skipped());
        Map<String, MaskOrigin> origins = new LinkedHashMap<>(kept);
        origins.putAll(origins(names));
        session.setMasks(masks, origins);
        int computed = plan.samples().size() + plan.skipped().size();
        String line = plan.samples().size() + " masks from " + source.get().label() + "; no mask for " + plan.skipped().size() + " of "
                + computed + " samples";
        summary.set(masks.size() == plan.samples().size() ? line : line + "; " + masks.size() + " masks in all");
    }

    /**
     * Reads a masks file; masks of samples that the open dataset lacks are ignored.
     *
     * @throws IOException if the file cannot be read or is invalid
     */
    public void load(Path file) throws IOException {
        apply(file, MasksFile.read(file));
    }

    /** Returns a task that reads a masks file; pass its value to {@link #apply(Path, Map)}. */
    public ProgressTask<Map<String, MasksFile.Entry>> readTask(Path file) {
        return new ProgressTask<>("Reading " + file.getFileName(), progress -> MasksFile.read(file));
    }

    /** Makes the masks read from {@code file} the session's masks; masks of unknown samples are ignored. */
    public void apply(Path file, Map<String, MasksFile.Entry> entries) {
        Map<String, Rle> masks = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<InvalidSample> missing = new ArrayList<>();
        for (Sample sample : session.dataset().samples()) {
            MasksFile.Entry entry = entries.get(sample.id());
            if (entry == null) {
                missing.add(new InvalidSample(sample.image().describe(), "the masks file has no mask for this sample"));
            } else {
                masks.put(sample.id(), entry.mask());
                names.put(sample.id(), entry.source());
            }
        }
        sourceNames = names;
        skipped.setAll(missing);
        session.setMasks(masks, origins(names));
        summary.set(masks.size() + " masks from " + file.getFileName() + "; no mask for " + missing.size() + " of "
                + session.dataset().samples().size() + " samples");
    }

    /**
     * Writes the session's masks as a masks file that {@code augment --masks} reads.
     *
     * @return the number of masks written
     */
    public int save(Path file) throws IOException {
        List<MasksFile.Entry> entries = entries();
        MasksFile.write(file, entries);
        return entries.size();
    }

    /** Returns a task that writes the session's masks as {@link #save} does; its value is the number written. */
    public ProgressTask<Integer> saveTask(Path file) {
        List<MasksFile.Entry> entries = entries();
        return new ProgressTask<>("Writing " + file.getFileName(), progress -> {
            MasksFile.write(file, entries);
            return entries.size();
        });
    }

    private List<MasksFile.Entry> entries() {
        List<MasksFile.Entry> entries = new ArrayList<>();
        for (Sample sample : session.dataset().samples()) {
            Rle mask = session.masksProperty().get().get(sample.id());
            if (mask != null) {
                String name = session.hasEditedMask(sample) ? EDITED_SOURCE
                        : sourceNames.getOrDefault(sample.id(), session.maskOrigin(sample.id()).map(MaskOrigin::label).orElse(source.get().label()));
                entries.add(new MasksFile.Entry(sample.id(), sample.image().describe(), categoryOf(sample), mask, name));
            }
        }
        return entries;
    }

    /** Returns the origin of each mask whose source name is known; masks files may name other sources. */
    private static Map<String, MaskOrigin> origins(Map<String, String> sourceNames) {
        Map<String, MaskOrigin> origins = new LinkedHashMap<>();
        Map<String, Integer> unknown = new LinkedHashMap<>();
        sourceNames.forEach((id, name) -> {
            try {
                origins.put(id, MaskOrigin.parse(name));
            } catch (IllegalArgumentException e) {
                unknown.merge(name, 1, Integer::sum);
            }
        });
        if (!unknown.isEmpty()) {
            LOG.warn("Masks with unknown sources {} (source and count) are shown but not saved to the open project;"
                    + " set each mask's source to annotations, onnx, grabcut or edited to keep them", unknown);
        }
        return origins;
    }

    private static int categoryOf(Sample sample) {
        if (!sample.labels().isEmpty()) {
            return sample.labels().get(0);
        }
        return sample.annotations().isEmpty() ? -1 : sample.annotations().get(0).categoryId();
    }
}
