package org.backdrop.ui.editor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.dataset.Sample;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.backdrop.mask.edit.EditableMask;
import org.backdrop.mask.edit.PixelRect;
import org.backdrop.mask.edit.Seeds;
import org.backdrop.model.ForegroundProbabilities;
import org.backdrop.model.ProbabilitySegmenter;
import org.backdrop.model.spec.OutputSpec;
import org.backdrop.segment.GrabCutRefinement;
import org.backdrop.segment.SegmentationModel;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.task.ProgressTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mask editor's state: the sample, its image, the mask being edited with its undo history, the
 * GrabCut seed strokes, the chosen tool and the display settings. Mouse input arrives in image
 * coordinates (pixels, (0, 0) at the top-left corner of the image). Use it on the JavaFX thread.
 */
public final class MaskEditorViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MaskEditorViewModel.class);

    /** An editing tool, with the key that selects it. */
    public enum Tool {
        BRUSH("Brush", "B"), ERASER("Eraser", "E"), POLYGON_ADD("Add polygon", "P"), POLYGON_SUBTRACT("Subtract polygon", "Shift+P"),
        FILL("Fill", "F"), GRABCUT("GrabCut strokes", "G");

        private final String label;
        private final String key;

        Tool(String label, String key) {
            this.label = label;
            this.key = key;
        }

        public String label() {
            return label;
        }

        public String key() {
            return key;
        }
    }

    /** The editor's display mode: the image alone, the mask alone (white on black), or the mask over the image. */
    public enum ViewMode { ORIGINAL, MASK, COMPOSITE }

    /** The smallest and largest brush sizes, in image pixels. */
    public static final int MIN_BRUSH = 1;
    public static final int MAX_BRUSH = 500;

    private final StudioSession session;
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.BRUSH);
    private final IntegerProperty brushSize = new SimpleIntegerProperty(15);
    private final ObjectProperty<ViewMode> viewMode = new SimpleObjectProperty<>(ViewMode.COMPOSITE);
    private final ObjectProperty<Color> overlayColor = new SimpleObjectProperty<>(Color.web("#ff3b30"));
    private final DoubleProperty opacity = new SimpleDoubleProperty(0.5);
    private final DoubleProperty threshold = new SimpleDoubleProperty(0.5);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper probabilityMask = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper thresholdNote = new ReadOnlyStringWrapper("");
    private final ObservableList<Double> polygon = FXCollections.observableArrayList();
    private final List<Consumer<PixelRect>> seedListeners = new ArrayList<>();
    private final List<Runnable> loadListeners = new ArrayList<>();

    private Sample sample;
    private RgbImage image;
    private EditableMask mask;
    private Seeds seeds;
    /** The model whose probabilities {@link #probabilityTask()} computes for this sample; null when none applies. */
    private SegmentationModel probabilityModel;
    private boolean stroking;
    private boolean strokeForeground;
    private int lastX;
    private int lastY;

    public MaskEditorViewModel(StudioSession session) {
        this.session = session;
        threshold.addListener((observable, before, after) -> {
            if (mask != null && mask.hasProbabilities()) {
                mask.threshold(after.doubleValue());
                updateState();
            }
        });
        tool.addListener((observable, before, after) -> polygon.clear());
    }

    /**
     * Starts editing {@code edited}'s mask from the session (an empty mask when it has none) on
     * {@code sampleImage}. A stored mask of another size than the image is not used, and the status
     * line names both sizes.
     */
    public void load(Sample edited, RgbImage sampleImage) {
        Optional<Rle> stored = session.mask(edited);
        EditableMask start;
        String note = "";
        if (stored.isPresent() && stored.get().width() == sampleImage.width() && stored.get().height() == sampleImage.height()) {
            start = EditableMask.fromRle(stored.get());
        } else {
            start = EditableMask.empty(sampleImage.width(), sampleImage.height());
            if (stored.isPresent()) {
                note = String.format(Locale.ROOT, "The stored mask is %dx%d but the image is %dx%d, so editing starts from an empty mask",
                        stored.get().width(), stored.get().height(), sampleImage.width(), sampleImage.height());
            }
        }
        load(edited, sampleImage, start);
        String reason = noProbabilityReason(edited);
        if (reason.isEmpty()) {
            probabilityModel = session.segmentationModelProperty().get();
            thresholdNote.set("Waiting for the probabilities of " + probabilityModel.model().getFileName());
        } else {
            thresholdNote.set(reason);
        }
        if (!note.isEmpty()) {
            status.set(note);
        }
    }

    /**
     * Returns why the session's mask of {@code edited} has no probabilities to threshold, or an empty
     * string when the segmentation model chosen in the Masks tab can give them.
     */
    private String noProbabilityReason(Sample edited) {
        Optional<MaskOrigin> origin = session.maskOrigin(edited.id());
        if (origin.isEmpty()) {
            return session.mask(edited).isPresent()
                    ? "The source of this mask is unknown, so no model probabilities apply to it."
                    : "This sample has no mask. Compute masks with a segmentation model in the Masks tab to threshold its probabilities.";
        }
        return switch (origin.get()) {
            case ANNOTATION -> "This mask comes from the dataset's annotations, which have no probabilities."
                    + " Only masks from a segmentation model can be thresholded.";
            case GRABCUT -> "This mask comes from GrabCut, which gives no probabilities."
                    + " Only masks from a segmentation model can be thresholded.";
            case EDITED -> "This mask was edited by hand, so no model probabilities describe it."
                    + " Revert to the original and open the editor again to threshold it.";
            case MODEL -> session.segmentationModelProperty().get() == null
                    ? "This mask comes from a segmentation model, but no model is chosen in the Masks tab."
                            + " Choose it there to threshold its probabilities."
                    : "";
        };
    }

    /**
     * Starts editing {@code start}, which may carry a probability map for the threshold slider. A mask
     * without one gets probabilities only through {@link #applyProbabilities}.
     *
     * @throws IllegalArgumentException if the mask and the image differ in size
     */
    public void load(Sample edited, RgbImage sampleImage, EditableMask start) {
        if (start.width() != sampleImage.width() || start.height() != sampleImage.height()) {
            throw new IllegalArgumentException("mask of " + start.width() + "x" + start.height() + " does not match the image of "
                    + sampleImage.width() + "x" + sampleImage.height() + " of sample " + edited.id());
        }
        sample = edited;
        image = sampleImage;
        mask = start;
        probabilityModel = null;
        thresholdNote.set(start.hasProbabilities() ? "" : "This mask was opened without probabilities");
        seeds = new Seeds(sampleImage.width(), sampleImage.height());
        polygon.clear();
        stroking = false;
        probabilityMask.set(start.hasProbabilities());
        loaded.set(true);
        mask.addListener(rect -> updateState());
        loadListeners.forEach(Runnable::run);
        updateState();
    }

    // State for the view.

    /** Returns true when this editor works on {@code other}'s samples. */
    boolean sessionIs(StudioSession other) {
        return session == other;
    }

    public Sample sample() {
        return sample;
    }

    public RgbImage image() {
        return image;
    }

    /** Returns the mask being edited; null before {@link #load}. */
    public EditableMask mask() {
        return mask;
    }

    /** Returns the GrabCut seed strokes; null before {@link #load}. */
    public Seeds seeds() {
        return seeds;
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    /** Returns the brush, eraser and seed stroke width in image pixels, {@link #MIN_BRUSH} to {@link #MAX_BRUSH}. */
    public IntegerProperty brushSizeProperty() {
        return brushSize;
    }

    public ObjectProperty<ViewMode> viewModeProperty() {
        return viewMode;
    }

    public ObjectProperty<Color> overlayColorProperty() {
        return overlayColor;
    }

    /** Returns the overlay's opacity in the composite view, 0 to 1. */
    public DoubleProperty opacityProperty() {
        return opacity;
    }

    /** Returns the probability above which a pixel is foreground, 0 to 1; used only for probability masks. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True when the mask comes with a probability map, so the threshold slider applies. */
    public ReadOnlyBooleanProperty probabilityMaskProperty() {
        return probabilityMask.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True when the mask has changes that are not saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** True when the session contains an edited mask for the sample, so Revert applies. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    /** True while GrabCut runs; the editor takes no edits then. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Returns why the threshold slider is disabled, or which model's probabilities it thresholds. */
    public ReadOnlyStringProperty thresholdNoteProperty() {
        return thresholdNote.getReadOnlyProperty();
    }

    /** Returns a line such as "1,234 foreground pixels · 3 edits (2 KB) · unsaved changes". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Returns the vertices of the polygon being drawn, as x, y pairs in image pixels. */
    public ObservableList<Double> polygon() {
        return polygon;
    }

    /** Registers {@code listener} to hear the rectangle of each change of the seed strokes. */
    public void addSeedListener(Consumer<PixelRect> listener) {
        seedListeners.add(listener);
    }

    /** Registers {@code listener} to run after each {@link #load}, when {@link #mask()} is new. */
    public void addLoadListener(Runnable listener) {
        loadListeners.add(listener);
    }

    // Mouse input, in image coordinates.

    /**
     * Handles a mouse press: starts a brush, eraser or seed stroke, fills, or adds a polygon vertex.
     * The secondary button swaps brush and eraser, fills with background, paints background seeds and
     * closes a polygon.
     */
    public void press(double x, double y, boolean primary) {
        if (!isEditable()) {
            return;
        }
        int pixelX = (int) Math.floor(x);
        int pixelY = (int) Math.floor(y);
        switch (tool.get()) {
            case BRUSH, ERASER -> {
                strokeForeground = (tool.get() == Tool.BRUSH) == primary;
                mask.beginStroke(strokeForeground ? "Brush" : "Eraser");
                startStroke(pixelX, pixelY);
            }
            case GRABCUT -> {
                strokeForeground = primary;
                startStroke(pixelX, pixelY);
            }
            case FILL -> {
                if (pixelX >= 0 && pixelY >= 0 && pixelX < mask.width() && pixelY < mask.height()) {
                    mask.floodFill(pixelX, pixelY, primary);
                }
            }
            case POLYGON_ADD, POLYGON_SUBTRACT -> {
                if (primary) {
                    polygon.addAll(clamp(x, mask.width()), clamp(y, mask.height()));
                } else {
                    closePolygon();
                }
            }
        }
    }

    /** Continues a stroke to ({@code x}, {@code y}); does nothing outside a stroke. */
    public void drag(double x, double y) {
        if (!stroking) {
            return;
        }
        int pixelX = (int) Math.floor(x);
        int pixelY = (int) Math.floor(y);
        paintTo(pixelX, pixelY);
    }

    /** Ends a stroke; a brush or eraser stroke becomes one undo step. */
    public void release() {
        if (!stroking) {
            return;
        }
        stroking = false;
        if (tool.get() == Tool.BRUSH || tool.get() == Tool.ERASER) {
            mask.endStroke();
        }
        updateState();
    }

    private void startStroke(int x, int y) {
        stroking = true;
        lastX = x;
        lastY = y;
        paintTo(x, y);
    }

    private void paintTo(int x, int y) {
        if (tool.get() == Tool.GRABCUT) {
            PixelRect changed = seeds.paintLine(lastX, lastY, x, y, brushSize.get(), strokeForeground);
            if (!changed.isEmpty()) {
                seedListeners.forEach(listener -> listener.accept(changed));
            }
        } else {
            mask.paintLine(lastX, lastY, x, y, brushSize.get(), strokeForeground);
        }
        lastX = x;
        lastY = y;
    }

    private static double clamp(double value, int size) {
        return Math.max(0, Math.min(size, value));
    }

    /** Adds the polygon being drawn to the mask (or subtracts it, for that tool); fewer than 3 vertices are dropped. */
    public void closePolygon() {
        if (polygon.size() >= 6 && isEditable()) {
            double[] xy = polygon.stream().mapToDouble(Double::doubleValue).toArray();
            mask.fillPolygon(xy, tool.get() != Tool.POLYGON_SUBTRACT);
        }
        polygon.clear();
    }

    /** Drops the polygon being drawn. */
    public void cancelPolygon() {
        polygon.clear();
    }

    // Brush size, undo and redo.

    /** Grows the brush by one step: 1 pixel below 10 pixels, then about 15%. */
    public void growBrush() {
        int size = brushSize.get();
        brushSize.set(Math.min(MAX_BRUSH, size < 10 ? size + 1 : (int) Math.round(size * 1.15)));
    }

    /** Shrinks the brush by one step, the reverse of {@link #growBrush()}. */
    public void shrinkBrush() {
        int size = brushSize.get();
        brushSize.set(Math.max(MIN_BRUSH, size <= 10 ? size - 1 : (int) Math.round(size / 1.15)));
    }

    /** Takes back the last polygon vertex while a polygon is drawn, otherwise the last edit; ends a stroke first. */
    public void undo() {
        release();
        if (!polygon.isEmpty()) {
            polygon.remove(polygon.size() - 2, polygon.size());
            return;
        }
        if (isEditable()) {
            mask.undo();
            updateState();
        }
    }

    /** Applies the last undone edit again; ends a stroke first. */
    public void redo() {
        release();
        if (isEditable()) {
            mask.redo();
            updateState();
        }
    }

    // GrabCut.

    /** Removes every seed stroke. */
    public void clearSeeds() {
        if (seeds != null) {
            PixelRect cleared = seeds.clear();
            if (!cleared.isEmpty()) {
                seedListeners.forEach(listener -> listener.accept(cleared));
            }
        }
    }

    /**
     * Returns a task that runs GrabCut from the mask and the seed strokes off the JavaFX thread, and on
     * success applies the result as one edit and clears the strokes. The editor takes no edits
     * while it runs. Run it with the session's task runner.
     */
    public ProgressTask<GrabCutRefinement.Result> refineTask() {
        byte[] current = mask.toRowMajor();
        Seeds strokes = seeds;
        RgbImage source = image;
        int rngSeed = sample.id().hashCode();
        busy.set(true);
        ProgressTask<GrabCutRefinement.Result> task = new ProgressTask<>("GrabCut on " + sample.id(),
                progress -> GrabCutRefinement.refine(source, current, strokes, GrabCutRefinement.DEFAULT_ITERATIONS, rngSeed));
        task.setOnSucceeded(event -> {
            busy.set(false);
            applyRefinement(task.getValue());
        });
        task.setOnFailed(event -> {
            busy.set(false);
            status.set("GrabCut failed: " + task.getException().getMessage());
        });
        task.setOnCancelled(event -> busy.set(false));
        return task;
    }

    /** Applies a GrabCut result as one edit and clears the seed strokes. */
    public void applyRefinement(GrabCutRefinement.Result result) {
        mask.replace(result.region(), result.values(), "GrabCut refine");
        clearSeeds();
        updateState();
    }

    // Probabilities for the threshold slider.

    /**
     * A segmentation model's probabilities for one sample.
     *
     * @param sample the sample the model ran on
     * @param modelName the model's file name, for the editor's note
     * @param specThreshold the threshold that the model's spec sets, from 0 to 1
     * @param probabilities the foreground probability of each pixel, at the image's size
     */
    public record SampleProbabilities(Sample sample, String modelName, double specThreshold, ForegroundProbabilities probabilities) {}

    /**
     * Returns a task that runs the segmentation model chosen in the Masks tab on this sample's image
     * off the JavaFX thread and on success gives the mask its probabilities; empty when no model
     * applies to this mask (see {@link #thresholdNoteProperty()}). Run it with the session's task runner.
     */
    public Optional<ProgressTask<SampleProbabilities>> probabilityTask() {
        if (probabilityModel == null || mask.hasProbabilities()) {
            return Optional.empty();
        }
        Sample forSample = sample;
        String name = probabilityModel.model().getFileName().toString();
        ProgressTask<SampleProbabilities> task = new ProgressTask<>("Running " + name + " on " + sample.id(), probabilityWork());
        task.setOnSucceeded(event -> applyProbabilities(task.getValue()));
        task.setOnFailed(event -> {
            LOG.error("Running {} on sample {} for the threshold slider failed", name, forSample.id(), task.getException());
            if (forSample == sample) {
                thresholdNote.set("Running " + name + " failed: " + task.getException().getMessage());
            }
        });
        return Optional.of(task);
    }

    /**
     * Returns the work of {@link #probabilityTask()}, to run on any thread: loading the model and
     * running it on this sample's image.
     *
     * @throws IllegalStateException if no model applies to this mask
     */
    public ProgressTask.Work<SampleProbabilities> probabilityWork() {
        if (probabilityModel == null) {
            throw new IllegalStateException("no segmentation model applies to this mask: " + thresholdNote.get());
        }
        SegmentationModel model = probabilityModel;
        Sample forSample = sample;
        RgbImage source = image;
        String name = model.model().getFileName().toString();
        return progress -> {
            progress.progress(0, 1, "Loading " + name);
            try (ProbabilitySegmenter segmenter = model.openProbabilities()) {
                progress.progress(0, 1, "Running " + name);
                ForegroundProbabilities probabilities = segmenter.probabilities(List.of(source)).get(0);
                double specThreshold = ((OutputSpec.ForegroundProbability) segmenter.spec().output()).threshold();
                return new SampleProbabilities(forSample, name, specThreshold, probabilities);
            }
        };
    }

    /**
     * Gives the mask the probabilities a model computed for its sample, so the threshold slider
     * applies. The mask's pixels and undo history stay as they are, and the slider moves to the spec's
     * threshold. When the mask differs from the model's mask at that threshold, the note gives the
     * number of differing pixels. Does nothing when the editor has moved on to another sample.
     *
     * @throws IllegalArgumentException if the probabilities and the mask differ in size
     */
    public void applyProbabilities(SampleProbabilities computed) {
        if (computed.sample() != sample) {
            return;
        }
        ForegroundProbabilities probabilities = computed.probabilities();
        if (probabilities.width() != mask.width() || probabilities.height() != mask.height()) {
            throw new IllegalArgumentException("probabilities of " + probabilities.width() + "x" + probabilities.height()
                    + " do not match the mask of " + mask.width() + "x" + mask.height() + " of sample " + sample.id());
        }
        // Set the slider before the map is attached, so that moving it here does not count as an edit.
        threshold.set(computed.specThreshold());
        mask.attachProbabilities(probabilities.values());
        probabilityMask.set(true);
        long differing = differingPixels(probabilities.threshold(computed.specThreshold()).pixels());
        thresholdNote.set(differing == 0
                ? String.format(Locale.ROOT, "Probabilities from %s. Its spec sets the threshold to %.2f.", computed.modelName(), computed.specThreshold())
                : String.format(Locale.ROOT, "Probabilities from %s. At %.2f its mask differs from this mask in %,d pixels.", computed.modelName(),
                        computed.specThreshold(), differing));
        updateState();
    }

    private long differingPixels(byte[] modelPixels) {
        byte[] current = mask.toRowMajor();
        long count = 0;
        for (int i = 0; i < current.length; i++) {
            if (current[i] != modelPixels[i]) {
                count++;
            }
        }
        return count;
    }

    // Saving.

    /**
     * Stores the mask in the session as the sample's edited mask (the original stays recoverable) and
     * records the review decision "edited".
     *
     * @throws IOException if the review file cannot be written; the mask is stored all the same
     */
    public void save() throws IOException {
        if (!loaded.get()) {
            return;
        }
        session.saveEditedMask(sample, mask.toRle());
        mask.markSaved();
        updateState();
        session.review().decide(sample.id(), ReviewStatus.EDITED);
    }

    /**
     * Puts the sample's original mask back in the session and in the editor, as one edit that undo
     * takes back. For a sample without a saved edit this drops the unsaved changes. An original of
     * another size than the image counts as no mask.
     */
    public void revertToOriginal() {
        if (!loaded.get() || busy.get()) {
            return;
        }
        Optional<Rle> original = session.originalMask(sample);
        session.revertToOriginal(sample);
        byte[] values = original.filter(rle -> rle.width() == mask.width() && rle.height() == mask.height())
                .map(Rle::toRowMajor)
                .orElse(new byte[mask.width() * mask.height()]);
        mask.replace(new PixelRect(0, 0, mask.width(), mask.height()), values, "Revert to original");
        mask.markSaved();
        updateState();
    }

    private boolean isEditable() {
        return loaded.get() && !busy.get();
    }

    private void updateState() {
        if (mask == null) {
            return;
        }
        canUndo.set(mask.canUndo());
        canRedo.set(mask.canRedo());
        dirty.set(mask.isDirty());
        edited.set(session.hasEditedMask(sample));
        if (stroking) {
            return;
        }
        status.set(String.format(Locale.ROOT, "%,d foreground pixels · %d edits (%s) · %s", mask.area(), mask.undoDepth(),
                bytes(mask.historyBytes()), mask.isDirty() ? "unsaved changes" : edited.get() ? "edited mask saved" : "original mask"));
    }

    private static String bytes(long count) {
        return count < 10_000 ? count + " bytes" : String.format(Locale.ROOT, "%,d KB", count / 1024);
    }
}
