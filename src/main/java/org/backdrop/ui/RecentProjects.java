package org.backdrop.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The projects opened most recently, newest first, remembered in the user's preferences as one
 * path per line. Projects whose file is gone are left out of the list.
 */
final class RecentProjects {

    /** The maximum number of projects remembered. */
    static final int MAX = 8;

    private static final String KEY = "recentProjects";

    private final Preferences preferences;
    private final ObservableList<Path> projects = FXCollections.observableArrayList();

    RecentProjects(Preferences preferences) {
        this.preferences = preferences;
        List<Path> remembered = new ArrayList<>();
        for (String line : preferences.get(KEY, "").split("\n")) {
            if (!line.isBlank() && Files.isRegularFile(Path.of(line)) && remembered.size() < MAX) {
                remembered.add(Path.of(line));
            }
        }
        projects.setAll(remembered);
    }

    /** The remembered projects, newest first; change them through {@link #add}. */
    ObservableList<Path> projects() {
        return projects;
    }

    /** Puts {@code project} first, drops the oldest beyond {@link #MAX}, and saves the list. */
    void add(Path project) {
        Path absolute = project.toAbsolutePath().normalize();
        List<Path> updated = new ArrayList<>(projects);
        updated.remove(absolute);
        updated.add(0, absolute);
        if (updated.size() > MAX) {
            updated = updated.subList(0, MAX);
        }
        projects.setAll(updated);
        preferences.put(KEY, String.join("\n", updated.stream().map(Path::toString).toList()));
    }
}
