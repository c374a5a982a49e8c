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

    public StudioSession(TaskRunner tasks) {
        this.tasks = tasks;
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
        masks.set(Map.of());
        review.set(state);
        dataset.set(opened);
        selected.set(opened.samples().isEmpty() ? null : opened.samples().get(0));
    }
}
