package org.backdrop.ui.training;

import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backdrop.train.EpochMetrics;

/**
 * The epochs of one training run shown in the charts: the run started here, which grows as epochs
 * finish, or an earlier run read from its folder.
 */
public final class RunCurves {

    private final String name;
    private final Path folder;
    private final boolean live;
    private final ObservableList<EpochMetrics> epochs = FXCollections.observableArrayList();

    RunCurves(String name, Path folder, boolean live) {
        this.name = name;
        this.folder = folder;
        this.live = live;
    }

    /** Returns the name in the chart legends: the run folder's name. */
    public String name() {
        return name;
    }

    public Path folder() {
        return folder;
    }

    /** Returns whether this is the run started in this session (its epochs arrive while it trains). */
    public boolean live() {
        return live;
    }

    /** Returns the finished epochs in order; change on the JavaFX thread. */
    public ObservableList<EpochMetrics> epochs() {
        return epochs;
    }
}
