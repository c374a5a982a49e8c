package org.backdrop.ui.backgrounds;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backdrop.ProgressListener;
import org.backdrop.augment.AugmentPool;
import org.backdrop.background.Background;
import org.backdrop.background.BackgroundRequest;
import org.backdrop.background.BackgroundUnavailableException;
import org.backdrop.background.Backgrounds;
import org.backdrop.background.Compositor;
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
 * <p>Methods that borrow from other samples (mean, bg-*, mixed-*) are prepared over at most
 * {@link #MAX_PREVIEW_POOL} samples with masks, so their preview can differ from the export, which
 * uses the whole dataset.
 */
public final class BackgroundsViewModel {

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

    public BackgroundsViewModel(StudioSession session) {
        this.session = session;
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

    /** The checked methods, in checklist order. */
    public ObservableList<String> chosen() {
        return chosen;
    }

    /** The custom colour as {@code #rrggbb}. */
    public StringProperty colourProperty() {
        return colour;
    }

    public ObjectProperty<Long> seedProperty() {
        return seed;
    }

    /** The Gaussian sigma of the feathered mask edge in pixels, 0 for a hard edge. */
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
        return specs;
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
