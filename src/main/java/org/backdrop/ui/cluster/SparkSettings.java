package org.backdrop.ui.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.backdrop.engine.launch.SparkInstallation;

/**
 * The studio's Spark installation, kept in the user's preferences with the studio's other settings. The
 * studio offers to run exports on the cluster only when {@link #configured()} returns an installation
 * without problems.
 */
public final class SparkSettings {

    static final String HOME = "spark.home";
    static final String MASTER = "spark.master";
    static final String JOB_JAR = "spark.jobJar";
    static final String CONF = "spark.conf";

    private final Preferences preferences;
    private final ObjectProperty<SparkInstallation> installation = new SimpleObjectProperty<>();

    /** Reads the settings from {@code preferences}. */
    public SparkSettings(Preferences preferences) {
        this.preferences = preferences;
        installation.set(read(preferences));
    }

    /** Returns the stored installation property; its value is null when no Spark folder has been set. */
    public ObjectProperty<SparkInstallation> installationProperty() {
        return installation;
    }

    /** Returns the stored installation when it is complete: a Spark folder with spark-submit, a valid master and valid settings. */
    public Optional<SparkInstallation> configured() {
        SparkInstallation current = installation.get();
        return current != null && current.problems().isEmpty() ? Optional.of(current) : Optional.empty();
    }

    /** Stores {@code chosen}, or removes the stored installation when it is null. */
    public void save(SparkInstallation chosen) {
        if (chosen == null) {
            for (String key : List.of(HOME, MASTER, JOB_JAR, CONF)) {
                preferences.remove(key);
            }
        } else {
            preferences.put(HOME, chosen.sparkHome().toString());
            preferences.put(MASTER, chosen.master());
            preferences.put(JOB_JAR, chosen.jobJar().map(Path::toString).orElse(""));
            preferences.put(CONF, String.join("\n", chosen.confLines()));
        }
        installation.set(chosen);
    }

    private static SparkInstallation read(Preferences preferences) {
        String home = preferences.get(HOME, "");
        if (home.isBlank()) {
            return null;
        }
        String jar = preferences.get(JOB_JAR, "");
        String conf = preferences.get(CONF, "");
        return new SparkInstallation(Path.of(home), preferences.get(MASTER, "local[*]"), jar.isBlank() ? Optional.empty() : Optional.of(Path.of(jar)),
                conf.isEmpty() ? List.of() : List.of(conf.split("\n", -1)));
    }
}
