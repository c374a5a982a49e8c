package org.backdrop.ui.masks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.backdrop.mask.Rle;
import org.backdrop.segment.AnnotationMaskSource;
import org.backdrop.segment.GrabCutMaskSource;
import org.backdrop.segment.MaskFilter;
import org.backdrop.segment.MaskPlan;
import org.backdrop.segment.MaskSource;
import org.backdrop.segment.MasksFile;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.task.ProgressTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The masks screen's state: which mask source to compute with, the masks of the open dataset (kept in
 * the session) and the samples that got none, with the reason. Computing goes through
 * {@link MaskPlan#compute} and files through {@link MasksFile}, as the {@code masks} command does.
 */
public final class MasksViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MasksViewModel.class);

    /** A mask source that the screen offers. */
    public enum Source {
        ANNOTATIONS("annotations"), GRABCUT("grabcut");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** Returns the name the {@code masks --source} option uses. */
        public String label() {
            return label;
        }

        MaskSource open() {
            return this == ANNOTATIONS ? new AnnotationMaskSource() : new GrabCutMaskSource(GrabCutMaskSource.Options.defaults());
        }
    }

    /** The source name that a masks file records for a mask saved from the mask editor. */
    public static final String EDITED_SOURCE = MaskOrigin.EDITED.label();

    private final StudioSession session;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.ANNOTATIONS);
    private final ObservableList<InvalidSample> skipped = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No masks yet: compute them or load a masks file.");
    private Map<String, String> sourceNames = Map.of();

    public MasksViewModel(StudioSession session) {
        this.session = session;
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

    /** The samples of the last computation that got no mask, with the reason. */
    public ObservableList<InvalidSample> skipped() {
        return skipped;
    }

    /** A line such as "38 masks from annotations; no mask for 2 of 40 samples". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * Returns a task that computes every sample's mask with the chosen source on all processors. Run
     * it with the session's task runner and pass its value to {@link #apply}.
     */
    public ProgressTask<MaskPlan> computeTask() {
        Dataset dataset = session.dataset();
        Source chosen = source.get();
        return new ProgressTask<>("Computing masks (" + chosen.label() + ")", progress -> {
            ExecutorService executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
                Thread thread = new Thread(runnable, "masks");
                thread.setDaemon(true);
                return thread;
            });
            try (MaskSource maskSource = chosen.open()) {
                return MaskPlan.compute(dataset, maskSource, session.images(), MaskFilter.none(), executor, progress);
            } finally {
                executor.shutdownNow();
            }
        });
    }

    /** Makes the masks of {@code plan} the session's masks; call on the JavaFX thread. */
    public void apply(MaskPlan plan) {
        Map<String, Rle> masks = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < plan.samples().size(); i++) {
            masks.put(plan.samples().get(i).id(), plan.masks().get(i));
            names.put(plan.samples().get(i).id(), source.get().label());
        }
        sourceNames = names;
        skipped.setAll(plan.skipped());
        session.setMasks(masks, origins(names));
        summary.set(masks.size() + " masks from " + source.get().label() + "; no mask for " + plan.skipped().size() + " of "
                + session.dataset().samples().size() + " samples");
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
