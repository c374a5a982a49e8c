package org.backdrop.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.curate.ReviewState;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.backdrop.segment.SegmentationModel;
import org.backdrop.store.MaskUpdate;
import org.backdrop.store.ProjectStore;
import org.backdrop.store.StoredMask;
import org.backdrop.ui.task.ProgressTask;
import org.backdrop.ui.task.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state that the studio's views share: the open dataset, its masks by sample id with their
 * origins, its review state, the open project (if any), the image loader and the task runner.
 * Change the properties on the JavaFX thread only.
 *
 * <p>With a project open, review decisions go to its store as they are made (through the review
 * state's log) and masks set with {@link #setMasks} are saved to it in a background task.
 */
public final class StudioSession {

    private static final Logger LOG = LoggerFactory.getLogger(StudioSession.class);

    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<Map<String, Rle>> masks = new SimpleObjectProperty<>(Map.of());
    private final ObjectProperty<Sample> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ReviewState> review = new SimpleObjectProperty<>(ReviewState.inMemory());
    private final ReadOnlyObjectWrapper<ProjectStore> project = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> storeFailure = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<SegmentationModel> segmentationModel = new SimpleObjectProperty<>();
    private final DatasetImages images = new DatasetImages();
    private final TaskRunner tasks;
    private Map<String, Integer> indices = new HashMap<>();
    private Map<String, MaskOrigin> origins = Map.of();
    private final Map<String, EditedMask> edited = new HashMap<>();

    /**
     * A mask saved from the mask editor in this session, with the mask it replaced and that mask's origin;
     * {@code original} is null when there was none.
     */
    private record EditedMask(Rle original, MaskOrigin originalOrigin, Rle edited) {}

    public StudioSession(TaskRunner tasks) {
        this.tasks = tasks;
        // A mask replaced from elsewhere (computed or loaded again) is no longer the edited one.
        masks.addListener((observable, before, after) -> edited.entrySet().removeIf(entry -> !entry.getValue().edited().equals(after.get(entry.getKey()))));
    }

    /** The open dataset; null before one is opened. */
    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    public Dataset dataset() {
        return dataset.get();
    }

    /**
     * The foreground mask of each sample that has one, keyed by sample id; never null. Setting it
     * directly leaves the project store and the origins alone: use {@link #setMasks} to keep them.
     */
    public ObjectProperty<Map<String, Rle>> masksProperty() {
        return masks;
    }

    public Optional<Rle> mask(Sample sample) {
        return Optional.ofNullable(masks.get().get(sample.id()));
    }

    /** Returns where the sample's mask came from, empty when it has none or the origin is unknown. */
    public Optional<MaskOrigin> maskOrigin(String sampleId) {
        return masks.get().containsKey(sampleId) ? Optional.ofNullable(origins.get(sampleId)) : Optional.empty();
    }

    /**
     * Makes {@code newMasks} the session's masks, with each one's origin, and saves them to the open
     * project in a background task; a failed save sets {@link #storeFailureProperty()}.
     */
    public void setMasks(Map<String, Rle> newMasks, Map<String, MaskOrigin> newOrigins) {
        origins = Map.copyOf(newOrigins);
        masks.set(Map.copyOf(newMasks));
        ProjectStore store = project.get();
        if (store == null || newMasks.isEmpty()) {
            return;
        }
        List<MaskUpdate> updates = new ArrayList<>();
        newMasks.forEach((id, mask) -> {
            MaskOrigin origin = newOrigins.get(id);
            if (origin != null) {
                updates.add(new MaskUpdate(id, mask, origin));
            }
        });
        ProgressTask<Integer> save = new ProgressTask<>("Saving masks to " + store.file().getFileName(),
                progress -> store.saveMasks(updates, progress));
        save.setOnFailed(event -> reportStoreFailure("Saving masks to " + store.file() + " failed", save.getException()));
        tasks.run(save);
    }

    /**
     * Replaces one sample's mask, first in the open project's store (if any) and then in the session. In
     * the store the replaced mask stays in {@link ProjectStore#maskHistory}; an edited mask uses origin
     * {@link MaskOrigin#EDITED}.
     *
     * @throws IOException if the store cannot save the mask; the session then keeps the previous one
     */
    public void updateMask(String sampleId, Rle mask, MaskOrigin origin) throws IOException {
        ProjectStore store = project.get();
        if (store != null) {
            store.saveMask(sampleId, mask, origin);
        }
        Map<String, Rle> updatedMasks = new HashMap<>(masks.get());
        updatedMasks.put(sampleId, mask);
        Map<String, MaskOrigin> updatedOrigins = new HashMap<>(origins);
        updatedOrigins.put(sampleId, origin);
        origins = Map.copyOf(updatedOrigins);
        masks.set(Map.copyOf(updatedMasks));
    }

    /**
     * Stores {@code mask} as the sample's mask with origin "edited", in the open project first. The mask
     * from before the first edit stays recoverable through {@link #originalMask(Sample)} and
     * {@link #revertToOriginal(Sample)}; the project keeps every version.
     *
     * @throws IOException if the project cannot save the mask; the session then keeps the previous one
     */
    public void saveEditedMask(Sample sample, Rle mask) throws IOException {
        String id = sample.id();
        EditedMask previous = edited.get(id);
        EditedMask entry = previous != null
                ? new EditedMask(previous.original(), previous.originalOrigin(), mask)
                : new EditedMask(originalMask(sample).orElse(null), hasEditedMask(sample) ? null : origins.get(id), mask);
        // Record first, so the listener in the constructor finds the new edited mask and keeps the entry.
        edited.put(id, entry);
        try {
            updateMask(id, mask, MaskOrigin.EDITED);
        } catch (IOException e) {
            if (previous == null) {
                edited.remove(id);
            } else {
                edited.put(id, previous);
            }
            throw e;
        }
    }

    /** Returns true when the sample's current mask comes from the mask editor. */
    public boolean hasEditedMask(Sample sample) {
        return maskOrigin(sample.id()).filter(origin -> origin == MaskOrigin.EDITED).isPresent();
    }

    /**
     * Returns the sample's mask from before its edits (from the project when the edits were made in an
     * earlier session), or its current mask when it has not been edited.
     */
    public Optional<Rle> originalMask(Sample sample) {
        EditedMask entry = edited.get(sample.id());
        if (entry != null) {
            return Optional.ofNullable(entry.original());
        }
        ProjectStore store = project.get();
        if (store == null || !hasEditedMask(sample)) {
            return mask(sample);
        }
        try {
            return store.originalMask(sample.id()).map(StoredMask::mask);
        } catch (IOException e) {
            reportStoreFailure("Reading the original mask of " + sample.id() + " from " + store.file() + " failed", e);
            return Optional.empty();
        }
    }

    /**
     * Makes the sample's mask from before its edits current again (none, if it had none); does nothing
     * for an unedited sample. In a project the restored mask is saved as a new version, so the edits
     * stay in the history.
     */
    public void revertToOriginal(Sample sample) {
        String id = sample.id();
        EditedMask entry = edited.remove(id);
        if (!hasEditedMask(sample)) {
            return;
        }

        Rle original = entry == null ? null : entry.original();
        MaskOrigin originalOrigin = entry == null ? null : entry.originalOrigin();
        ProjectStore store = project.get();
        if (store != null) {
            try {
                Optional<StoredMask> restored = store.restoreOriginalMask(id);
                original = restored.map(StoredMask::mask).orElse(null);
                originalOrigin = restored.map(StoredMask::origin).orElse(null);
            } catch (IOException e) {
                reportStoreFailure("Restoring the original mask of " + id + " in " + store.file() + " failed", e);
                return;
            }
            if (original == null) {
                // NOTE: the store cannot delete a mask. A sample that had no mask before its edit keeps the
                // edited one in the project, and only this session drops it.
                LOG.warn("Sample {} had no mask before its edit; {} keeps the edited mask", id, store.file());
            }
        }

        Map<String, Rle> updatedMasks = new HashMap<>(masks.get());
        Map<String, MaskOrigin> updatedOrigins = new HashMap<>(origins);
        if (original == null) {
            updatedMasks.remove(id);
            updatedOrigins.remove(id);
        } else {
            updatedMasks.put(id, original);
            if (originalOrigin == null) {
                updatedOrigins.remove(id);
            } else {
                updatedOrigins.put(id, originalOrigin);
            }
        }
        origins = Map.copyOf(updatedOrigins);
        masks.set(Map.copyOf(updatedMasks));
    }

    /**
     * Returns the property of the segmentation model chosen in the Masks tab, whose probabilities the
     * mask editor thresholds. Its value is null while none is chosen. A mask of origin "onnx" may come from another model (a masks file
     * does not name its model), so the editor compares the two.
     */
    public ObjectProperty<SegmentationModel> segmentationModelProperty() {
        return segmentationModel;
    }

    /** The sample that Browse or Review last showed, which the backgrounds preview renders; may be null. */
    public ObjectProperty<Sample> selectedProperty() {
        return selected;
    }

    /** The review state of the open dataset. */
    public ObjectProperty<ReviewState> reviewProperty() {
        return review;
    }

    public ReviewState review() {
        return review.get();
    }

    /** Returns the property of the open project's store, whose value is null while no project is open. */
    public ReadOnlyObjectProperty<ProjectStore> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /**
     * Returns the open project's store, for views that save masks, presets or runs to it; empty while
     * the dataset is open without a project. Its methods may be called from any thread.
     */
    public Optional<ProjectStore> store() {
        return Optional.ofNullable(project.get());
    }

    /** Returns the property of the last failed background save to the project store, for the window to show. */
    public ReadOnlyObjectProperty<Throwable> storeFailureProperty() {
        return storeFailure.getReadOnlyProperty();
    }

    /** Returns the position of {@code sample} in the open dataset, or -1 when it is not one of its samples. */
    public int indexOf(Sample sample) {
        return indices.getOrDefault(sample.id(), -1);
    }

    public DatasetImages images() {
        return images;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    /** Makes {@code opened} the open dataset with its review state and no project; closes the previous project. */
    public void open(Dataset opened, ReviewState state) {
        open(opened, state, null, Map.of(), Map.of());
    }

    /**
     * Makes {@code opened} the open dataset of the project {@code store}, with the review state and
     * masks read from it; closes the previous project unless it is {@code store}.
     */
    public void openProject(Dataset opened, ProjectStore store, ReviewState state, Map<String, Rle> storedMasks,
            Map<String, MaskOrigin> storedOrigins) {
        open(opened, state, store, storedMasks, storedOrigins);
    }

    /** Closes the open project's store, if any; the dataset stays open without a project. */
    public void closeProject() {
        ProjectStore store = project.get();
        if (store == null) {
            return;
        }
        project.set(null);
        try {
            store.close();
        } catch (IOException e) {
            reportStoreFailure("Closing " + store.file() + " failed", e);
        }
    }

    private void open(Dataset opened, ReviewState state, ProjectStore store, Map<String, Rle> openedMasks,
            Map<String, MaskOrigin> openedOrigins) {
        if (project.get() != store) {
            closeProject();
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < opened.samples().size(); i++) {
            positions.put(opened.samples().get(i).id(), i);
        }
        indices = positions;
        edited.clear();
        origins = Map.copyOf(openedOrigins);
        project.set(store);
        masks.set(Map.copyOf(openedMasks));
        review.set(state);
        dataset.set(opened);
        selected.set(opened.samples().isEmpty() ? null : opened.samples().get(0));
    }

    private void reportStoreFailure(String message, Throwable failure) {
        LOG.error(message, failure);
        storeFailure.set(failure);
    }
}
