package org.backdrop.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.backdrop.ui.review.ReviewState;
import org.backdrop.ui.task.TaskRunner;

/**
 * The state that the studio's views share: the open dataset, its masks by sample id, its review state, the
 * image loader and the task runner. Change the properties on the JavaFX thread only.
 */
public final class StudioSession {

    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<Map<String, Rle>> masks = new SimpleObjectProperty<>(Map.of());
    private final ObjectProperty<Sample> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ReviewState> review = new SimpleObjectProperty<>(ReviewState.inMemory());
    private final DatasetImages images = new DatasetImages();
    private final TaskRunner tasks;
    private Map<String, Integer> indices = new HashMap<>();
    private final Map<String, EditedMask> edited = new HashMap<>();

    /** A mask saved from the mask editor, with the mask it replaced; {@code original} is null when there was none. */
    private record EditedMask(Rle original, Rle edited) {}

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

    /** The foreground mask of each sample that has one, keyed by sample id; never null. */
    public ObjectProperty<Map<String, Rle>> masksProperty() {
        return masks;
    }

    public Optional<Rle> mask(Sample sample) {
        return Optional.ofNullable(masks.get().get(sample.id()));
    }

    /**
     * Stores {@code mask} as the sample's mask, with source "edited". The mask from before the first
     * edit stays recoverable through {@link #originalMask(Sample)} and {@link #revertToOriginal(Sample)}.
     * NOTE: the edited mask and its original live in memory only, until the project store keeps them.
     */
    public void saveEditedMask(Sample sample, Rle mask) {
        Rle original = edited.containsKey(sample.id()) ? edited.get(sample.id()).original() : masks.get().get(sample.id());
        Map<String, Rle> updated = new HashMap<>(masks.get());
        updated.put(sample.id(), mask);
        // Record first, so the listener above finds the new edited mask and keeps the entry.
        edited.put(sample.id(), new EditedMask(original, mask));
        masks.set(Map.copyOf(updated));
    }

    /** Returns true when the sample's mask comes from the mask editor. */
    public boolean hasEditedMask(Sample sample) {
        return edited.containsKey(sample.id());
    }

    /** Returns the sample's mask from before its first edit, or its current mask when it has not been edited. */
    public Optional<Rle> originalMask(Sample sample) {
        EditedMask entry = edited.get(sample.id());
        return entry == null ? mask(sample) : Optional.ofNullable(entry.original());
    }

    /** Restores the sample's mask from before its first edit (none, if it had none); does nothing for an unedited sample. */
    public void revertToOriginal(Sample sample) {
        EditedMask entry = edited.remove(sample.id());
        if (entry == null) {
            return;
        }
        Map<String, Rle> updated = new HashMap<>(masks.get());
        if (entry.original() == null) {
            updated.remove(sample.id());
        } else {
            updated.put(sample.id(), entry.original());
        }
        masks.set(Map.copyOf(updated));
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

    /** Makes {@code opened} the open dataset with its review state, and clears the previous masks. */
    public void open(Dataset opened, ReviewState state) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < opened.samples().size(); i++) {
            positions.put(opened.samples().get(i).id(), i);
        }
        indices = positions;
        edited.clear();
        masks.set(Map.of());
        review.set(state);
        dataset.set(opened);
        selected.set(opened.samples().isEmpty() ? null : opened.samples().get(0));
    }
}
