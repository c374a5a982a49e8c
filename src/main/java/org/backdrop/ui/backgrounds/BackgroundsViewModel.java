package org.backdrop.ui.backgrounds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backdrop.store.ProjectStore;
import org.backdrop.ui.task.ProgressTask;
import org.backdrop.ProgressListener;
import org.backdrop.augment.AugmentPool;
import org.backdrop.background.Background;
import org.backdrop.background.BackgroundRequest;
import org.backdrop.background.BackgroundUnavailableException;
import org.backdrop.background.Backgrounds;
import org.backdrop.background.Compositor;
import org.backdrop.background.MeanBackground;
import org.backdrop.background.SceneBackground;
import org.backdrop.background.SolidColorBackground;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.backdrop.ui.StudioSession;

/**
 * The backgrounds screen's state: the chosen methods, colour, seed and feathering, and the rendering
 * of one sample with each chosen method through {@link Backgrounds#parse} and
 * {@link Background#compose}, as {@code augment} does.
 *
 * <p>Presets of these options, with the scene library, are saved to the open project's store. The mean
 * background of the whole dataset is computed as {@code augment}'s {@code mean} method computes it.
 *
 * <p>Methods that borrow from other samples (mean, bg-*, mixed-*) are prepared over at most
 * {@link #MAX_PREVIEW_POOL} samples with masks, so their preview can differ from the export, which
 * uses the whole dataset.
 */
public final class BackgroundsViewModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The maximum number of samples that methods borrowing from other samples see in the preview. */
    public static final int MAX_PREVIEW_POOL = 200;

    /** The name in the method list that stands for the colour picker's colour. */
    public static final String CUSTOM_COLOUR = "#rrggbb";

    /** One preview tile: the method's name and its image, or the reason there is none. */
    public record Tile(String name, RgbImage image, String error) {}

    private final StudioSession session;
    private final ObservableList<String> chosen = FXCollections.observableArrayList("red", "noise-uniform", "mean");
    private final StringProperty colour = new SimpleStringProperty("#3366cc");
    private final ObjectProperty<Long> seed = new SimpleObjectProperty<>(0L);
    private final ObjectProperty<Double> feather = new SimpleObjectProperty<>(0.0);
    private final ObjectProperty<Path> sceneFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> mappingFile = new SimpleObjectProperty<>();
    private final ObservableList<SceneMapping> mapping = FXCollections.observableArrayList();
    private final ObservableList<String> presetNames = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper presetHint = new ReadOnlyStringWrapper();
    private final ObjectProperty<RgbImage> meanImage = new SimpleObjectProperty<>();

    /**
     * One row of the scene mapping table: a class name and the photo files or subfolders, relative to the
     * scene folder, that its samples draw from.
     */
    public record SceneMapping(String className, List<String> items) {}

    public BackgroundsViewModel(StudioSession session) {
        this.session = session;
        session.projectProperty().addListener((observable, before, after) -> refreshPresets());
        session.datasetProperty().addListener((observable, before, after) -> meanImage.set(null));
        refreshPresets();
    }

    /**
     * Returns the methods the checklist offers: {@link Backgrounds#NAMES} without their optional
     * arguments, leaving out those that need a file (scenes, correlated), which the export dialog takes.
     */
    public static List<String> methods() {
        List<String> methods = new ArrayList<>();
        for (String name : Backgrounds.NAMES) {
            String plain = name.replaceAll("\\[.*]", "");
            if (!plain.contains("=")) {
                methods.add(plain);
            }
        }
        return methods;
    }

    /**
     * Returns the colour that a solid-colour method paints as {@code #rrggbb}, the custom colour for
     * {@link #CUSTOM_COLOUR}, or empty for methods that paint no single colour.
     */
    public Optional<String> swatch(String method) {
        if (method.equals(CUSTOM_COLOUR)) {
            return Optional.of(colour.get());
        }
        if (Backgrounds.parse(method) instanceof SolidColorBackground solid) {
            int[] rgb = solid.rgb();
            return Optional.of(String.format(java.util.Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]));
        }
        return Optional.empty();
    }

    /** Returns the checked methods, in checklist order. */
    public ObservableList<String> chosen() {
        return chosen;
    }

    /** Returns the custom colour as {@code #rrggbb}. */
    public StringProperty colourProperty() {
        return colour;
    }

    public ObjectProperty<Long> seedProperty() {
        return seed;
    }

    /** Returns the Gaussian sigma of the feathered mask edge in pixels, 0 for a hard edge. */
    public ObjectProperty<Double> featherProperty() {
        return feather;
    }

    /** Returns the chosen methods as {@link Backgrounds#parse} reads them, the custom colour filled in. */
    public List<String> specs() {
        List<String> specs = new ArrayList<>();
        for (String method : methods()) {
            if (chosen.contains(method)) {
                specs.add(method.equals(CUSTOM_COLOUR) ? colour.get() : method);
            }
        }
        if (sceneFolder.get() != null) {
            specs.add(mappingFile.get() == null ? "scenes=" + sceneFolder.get() : "scenes=" + sceneFolder.get() + ":" + mappingFile.get());
        }
        return specs;
    }

    // Scene library

    /** Returns the folder of scene photos for the {@code scenes} method; null leaves the method out. */
    public ObjectProperty<Path> sceneFolderProperty() {
        return sceneFolder;
    }

    /**
     * The mapping file that limits each class to some scene photos, as {@code scenes=DIR:MAPPING} reads
     * it; null lets every class draw from every photo. {@link #saveMapping} writes the table to it.
     */
    public ObjectProperty<Path> mappingFileProperty() {
        return mappingFile;
    }

    /** Returns the per-class mapping table, in the order the mapping file lists it. */
    public ObservableList<SceneMapping> mapping() {
        return mapping;
    }

    /** Returns the names of the open dataset's classes, for the mapping table's class column. */
    public List<String> classNames() {
        Dataset dataset = session.dataset();
        return dataset == null ? List.of() : dataset.categories().stream().map(category -> category.name()).toList();
    }

    /**
     * Returns the scene folder's photos, sorted by file name, as the {@code scenes} method lists them.
     *
     * @throws IllegalArgumentException if no folder is chosen, or it is missing or contains no photo
     */
    public List<Path> scenePhotos() {
        if (sceneFolder.get() == null) {
            throw new IllegalArgumentException("no scene folder chosen; choose a folder of photos");
        }
        return SceneBackground.photos(sceneFolder.get());
    }

    /**
     * Writes the mapping table to {@code file} in the format {@code scenes=DIR:MAPPING} reads, makes it
     * the mapping file, and checks it by opening the scene method with it.
     *
     * @throws IllegalArgumentException naming the file and line if a row names a missing photo, or a class
     *     name or item contains a character the format cannot hold (colon in a class name, comma in an item)
     */
    public void saveMapping(Path file) throws IOException {
        StringBuilder text = new StringBuilder("# class name: scene photo files or subfolders, relative to the scene folder\n");
        for (SceneMapping row : mapping) {
            if (row.className().isBlank() || row.className().contains(":") || row.items().isEmpty()
                    || row.items().stream().anyMatch(item -> item.isBlank() || item.contains(","))) {
                throw new IllegalArgumentException("invalid mapping row '" + row.className() + "': give a class name without a colon"
                        + " and at least one photo or subfolder without a comma");
            }
            text.append(row.className()).append(": ").append(String.join(", ", row.items())).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        if (sceneFolder.get() != null) {
            SceneBackground.fromFolder(sceneFolder.get(), file);
        }
        mappingFile.set(file);
    }

    /**
     * Reads a mapping file into the table and makes it the mapping file.
     *
     * @throws IllegalArgumentException naming the file and line if a line is invalid
     * @throws UncheckedIOException if the file cannot be read
     */
    public void loadMapping(Path file) {
        List<SceneMapping> rows = new ArrayList<>();
        SceneBackground.readMapping(file).forEach((className, items) -> rows.add(new SceneMapping(className, items)));
        mapping.setAll(rows);
        mappingFile.set(file);
    }

    // Presets

    /** Returns the names of the open project's background presets, sorted; empty without a project. */
    public ObservableList<String> presetNames() {
        return presetNames;
    }

    /** Returns why presets are unavailable, or empty when a project is open. */
    public ReadOnlyStringProperty presetHintProperty() {
        return presetHint.getReadOnlyProperty();
    }

    /** Reads the preset names from the open project again. */
    public void refreshPresets() {
        Optional<ProjectStore> store = session.store();
        if (store.isEmpty()) {
            presetNames.clear();
            presetHint.set("Presets are saved in a project: open or create one (File menu) to use them.");
            return;
        }
        try {
            presetNames.setAll(store.get().presets().keySet());
            presetHint.set("");
        } catch (IOException e) {
            presetNames.clear();
            presetHint.set("The presets could not be read from " + store.get().file() + ": " + e.getMessage());
        }
    }

    /**
     * Saves the current options as preset {@code name} in the open project, replacing one of that name.
     *
     * @throws IllegalStateException if no project is open
     * @throws IllegalArgumentException if the name is blank
     */
    public void savePreset(String name) throws IOException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a preset needs a name");
        }
        requireStore().savePreset(name.strip(), presetJson());
        refreshPresets();
    }

    /**
     * Sets the options from preset {@code name} of the open project. Methods this version does not offer
     * are left out and returned, so the caller can say so.
     *
     * @throws IllegalStateException if no project is open
     * @throws IllegalArgumentException if there is no such preset or its JSON is not a preset
     */
    public List<String> loadPreset(String name) throws IOException {
        String json = requireStore().presets().get(name);
        if (json == null) {
            throw new IllegalArgumentException("no background preset '" + name + "' in " + requireStore().file());
        }
        return applyPreset(name, json);
    }

    /** Deletes preset {@code name} from the open project; returns false when there was none. */
    public boolean deletePreset(String name) throws IOException {
        boolean deleted = requireStore().deletePreset(name);
        refreshPresets();
        return deleted;
    }

    /** Returns the current options as a preset's JSON document. */
    public String presetJson() {
        ObjectNode preset = JSON.createObjectNode();
        chosen.forEach(preset.putArray("methods")::add);
        preset.put("colour", colour.get());
        preset.put("seed", seed.get() == null ? 0 : seed.get());
        preset.put("feather", feather.get() == null ? 0 : feather.get());
        if (sceneFolder.get() != null) {
            preset.put("sceneFolder", sceneFolder.get().toString());
        }
        if (mappingFile.get() != null) {
            preset.put("sceneMapping", mappingFile.get().toString());
        }
        ObjectNode table = preset.putObject("sceneTable");
        mapping.forEach(row -> row.items().forEach(table.withArray(row.className())::add));
        try {
            return JSON.writeValueAsString(preset);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a preset could not be written as JSON", e);
        }
    }

    private List<String> applyPreset(String name, String json) throws IOException {
        JsonNode preset = JSON.readTree(json);
        if (!preset.isObject() || !preset.path("methods").isArray()) {
            throw new IllegalArgumentException("background preset '" + name + "' is not a preset: it has no \"methods\" list");
        }
        List<String> known = methods();
        List<String> methods = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        preset.get("methods").forEach(method -> (known.contains(method.asText()) ? methods : unknown).add(method.asText()));
        chosen.setAll(methods);
        colour.set(preset.path("colour").asText(colour.get()));
        seed.set(preset.path("seed").asLong(0));
        feather.set(preset.path("feather").asDouble(0));
        sceneFolder.set(preset.hasNonNull("sceneFolder") ? Path.of(preset.get("sceneFolder").asText()) : null);
        mappingFile.set(preset.hasNonNull("sceneMapping") ? Path.of(preset.get("sceneMapping").asText()) : null);
        List<SceneMapping> rows = new ArrayList<>();
        preset.path("sceneTable").fields().forEachRemaining(field -> {
            List<String> items = new ArrayList<>();
            field.getValue().forEach(item -> items.add(item.asText()));
            rows.add(new SceneMapping(field.getKey(), items));
        });
        mapping.setAll(rows);
        return unknown;
    }

    private ProjectStore requireStore() {
        return session.store().orElseThrow(() -> new IllegalStateException("no project is open; open or create one to keep presets"));
    }

    // Mean background

    /** Returns the dataset's mean background from the last {@link #meanTask()}; null until computed. */
    public ObjectProperty<RgbImage> meanImageProperty() {
        return meanImage;
    }

    /**
     * Returns a task that computes the mean background over every sample with a mask, as {@code augment}'s
     * {@code mean} method does; put its value in {@link #meanImageProperty()}.
     *
     * @throws IllegalStateException if no sample has a mask
     */
    public ProgressTask<RgbImage> meanTask() {
        ProgressTask.Work<RgbImage> work = meanWork();
        return new ProgressTask<>("Computing the mean background", work);
    }

    /** Returns the work of {@link #meanTask()}, with the dataset and masks taken now, to run on any thread. */
    public ProgressTask.Work<RgbImage> meanWork() {
        Dataset dataset = session.dataset();
        Map<String, Rle> masks = session.masksProperty().get();
        List<Sample> samples = new ArrayList<>();
        List<Rle> sampleMasks = new ArrayList<>();
        if (dataset != null) {
            for (Sample sample : dataset.samples()) {
                Rle mask = masks.get(sample.id());
                if (mask != null) {
                    samples.add(sample);
                    sampleMasks.add(mask);
                }
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("no sample has a mask; compute or load masks in the Masks tab first");
        }
        AugmentPool pool = new AugmentPool(dataset, samples, sampleMasks, session.images());
        return progress -> ((MeanBackground) MeanBackground.onFirstSampleGrid().prepare(pool, progress)).mean();
    }

    /** The inputs of one rendering, taken on the JavaFX thread so that the work can run elsewhere. */
    public record Request(Dataset dataset, Sample sample, Map<String, Rle> masks, List<String> specs, long seed, double feather) {}

    /** Returns the request for rendering {@code sample} with the current options. */
    public Request request(Sample sample) {
        return new Request(session.dataset(), sample, session.masksProperty().get(), specs(), seed.get(),
                feather.get() == null ? 0 : feather.get());
    }

    /**
     * Renders the request's sample with each method; safe on any thread. A method that fails for this
     * sample gives a tile with the reason.
     *
     * @throws IllegalArgumentException if the sample has no mask
     * @throws CancellationException if {@code progress} reports cancellation
     */
    public List<Tile> render(Request request, ProgressListener progress) {
        Rle mask = request.masks().get(request.sample().id());
        if (mask == null) {
            throw new IllegalArgumentException("sample " + request.sample().id() + " has no mask; compute or load masks first");
        }
        AugmentPool pool = pool(request, mask);
        Compositor compositor = new Compositor(0, request.feather());
        List<Tile> tiles = new ArrayList<>();
        for (String spec : request.specs()) {
            if (progress.isCancelled()) {
                throw new CancellationException("preview cancelled");
            }
            tiles.add(tile(spec, pool, compositor, request.seed(), progress));
            progress.progress(tiles.size(), request.specs().size(), "Rendering backgrounds");
        }
        return tiles;
    }

    private Tile tile(String spec, AugmentPool pool, Compositor compositor, long runSeed, ProgressListener progress) {
        try {
            Background background = Backgrounds.parse(spec).prepare(pool, progress);
            RgbImage image = background.compose(BackgroundRequest.of(pool, 0, runSeed, background.name()), compositor);
            return new Tile(background.name(), image, null);
        } catch (BackgroundUnavailableException | IllegalArgumentException | UncheckedIOException e) {
            return new Tile(spec, null, e.getMessage());
        }
    }

    /** Returns a pool with the request's sample first, then up to the limit of other samples with masks. */
    private AugmentPool pool(Request request, Rle mask) {
        List<Sample> samples = new ArrayList<>();
        List<Rle> masks = new ArrayList<>();
        samples.add(request.sample());
        masks.add(mask);
        for (Sample other : request.dataset().samples()) {
            if (samples.size() >= MAX_PREVIEW_POOL) {
                break;
            }
            Rle otherMask = request.masks().get(other.id());
            if (other != request.sample() && otherMask != null) {
                samples.add(other);
                masks.add(otherMask);
            }
        }
        return new AugmentPool(request.dataset(), samples, masks, session.images());
    }
}
