package org.backdrop.ui.browse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.review.ReviewState;
import org.backdrop.ui.review.ReviewStatus;

/**
 * The browse screen's state: filters over the open dataset and the samples that pass them, with
 * the count of each review status. Filters: class, review status, minimum object pixels (which
 * needs masks; samples without a mask then fail it) and a case-insensitive id substring.
 */
public final class BrowseViewModel {

    /** The common minimum of object pixels for small images such as CIFAR-10's. */
    public static final int COMMON_MIN_OBJECT_PIXELS = 150;

    private final StudioSession session;
    private final ObjectProperty<Category> classFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<ReviewStatus> statusFilter = new SimpleObjectProperty<>();
    private final IntegerProperty minObjectPixels = new SimpleIntegerProperty(0);
    private final StringProperty idText = new SimpleStringProperty("");
    private final ObservableList<Sample> visible = FXCollections.observableArrayList();
    private final ObservableList<Category> classes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No dataset open");
    private Map<String, Long> objectPixels = Map.of();

    public BrowseViewModel(StudioSession session) {
        this.session = session;
        session.datasetProperty().addListener((observable, before, dataset) -> datasetChanged(dataset));
        session.masksProperty().addListener((observable, before, masks) -> {
            objectPixels = areas(masks);
            refresh();
        });
        session.reviewProperty().addListener((observable, before, review) -> {
            review.revisionProperty().addListener((o, b, a) -> refresh());
            refresh();
        });
        session.review().revisionProperty().addListener((o, b, a) -> refresh());
        classFilter.addListener((observable, before, after) -> refresh());
        statusFilter.addListener((observable, before, after) -> refresh());
        minObjectPixels.addListener((observable, before, after) -> refresh());
        idText.addListener((observable, before, after) -> refresh());
        datasetChanged(session.dataset());
    }

    /** The class a sample must have, or null for every class. */
    public ObjectProperty<Category> classFilterProperty() {
        return classFilter;
    }

    /** The review status a sample must have, or null for every status. */
    public ObjectProperty<ReviewStatus> statusFilterProperty() {
        return statusFilter;
    }

    /** The minimum number of object pixels in a sample's mask. At 0, samples without a mask pass too. */
    public IntegerProperty minObjectPixelsProperty() {
        return minObjectPixels;
    }

    /** Text the sample id must contain, ignoring case. */
    public StringProperty idTextProperty() {
        return idText;
    }

    /** The samples that pass every filter, in dataset order. */
    public ObservableList<Sample> visibleSamples() {
        return visible;
    }

    /** The dataset's classes, for the class filter. */
    public ObservableList<Category> classes() {
        return classes;
    }

    /** A line such as "12 of 40 shown · 30 unreviewed · 6 accepted · 4 rejected · 0 edited". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Returns the object pixels of the sample's mask, or -1 when it has none. */
    public long objectPixels(Sample sample) {
        return objectPixels.getOrDefault(sample.id(), -1L);
    }

    private void datasetChanged(Dataset dataset) {
        classes.setAll(dataset == null ? List.of() : dataset.categories());
        classFilter.set(null);
        refresh();
    }

    private void refresh() {
        Dataset dataset = session.dataset();
        if (dataset == null) {
            visible.clear();
            summary.set("No dataset open");
            return;
        }
        ReviewState review = session.review();
        String text = idText.get() == null ? "" : idText.get().strip().toLowerCase(Locale.ROOT);
        List<Sample> passing = new ArrayList<>();
        for (Sample sample : dataset.samples()) {
            if (passes(sample, review, text)) {
                passing.add(sample);
            }
        }
        visible.setAll(passing);
        summary.set(summaryLine(passing.size(), dataset.samples().size(), review.counts(dataset.samples())));
    }

    private boolean passes(Sample sample, ReviewState review, String text) {
        Category category = classFilter.get();
        if (category != null && !hasClass(sample, category.id())) {
            return false;
        }
        if (statusFilter.get() != null && review.status(sample.id()) != statusFilter.get()) {
            return false;
        }
        if (minObjectPixels.get() > 0 && objectPixels(sample) < minObjectPixels.get()) {
            return false;
        }
        return text.isEmpty() || sample.id().toLowerCase(Locale.ROOT).contains(text);
    }

    private static boolean hasClass(Sample sample, int categoryId) {
        if (sample.labels().contains(categoryId)) {
            return true;
        }
        for (Annotation annotation : sample.annotations()) {
            if (annotation.categoryId() == categoryId) {
                return true;
            }
        }
        return false;
    }

    private static String summaryLine(int shown, int total, Map<ReviewStatus, Integer> counts) {
        StringBuilder line = new StringBuilder().append(shown).append(" of ").append(total).append(" shown");
        for (ReviewStatus status : ReviewStatus.values()) {
            line.append(" · ").append(counts.get(status)).append(' ').append(status.label());
        }
        return line.toString();
    }

    private static Map<String, Long> areas(Map<String, Rle> masks) {
        Map<String, Long> areas = new HashMap<>();
        masks.forEach((id, mask) -> areas.put(id, mask.area()));
        return areas;
    }
}
