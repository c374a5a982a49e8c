package org.backdrop.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.backdrop.engine.launch.SparkInstallation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSettingsTest {

    @TempDir
    Path folder;

    private final Preferences preferences = Preferences.userRoot().node("backdrop-test-" + UUID.randomUUID());

    @AfterEach
    void removePreferences() throws BackingStoreException {
        preferences.removeNode();
    }

    private Path sparkHome() throws Exception {
        Files.createDirectories(folder.resolve("spark/bin"));
        Files.writeString(folder.resolve("spark/bin/spark-submit"), "#!/bin/sh\n");
        return folder.resolve("spark");
    }

    @Test
    void savedInstallationIsReadBack() throws Exception {
        Path jar = Files.writeString(folder.resolve("job.jar"), "");
        SparkInstallation saved = new SparkInstallation(sparkHome(), "spark://127.0.0.1:7077", Optional.of(jar),
                List.of("spark.executor.memory=4g", "", "spark.executor.instances=2"));

        new SparkSettings(preferences).save(saved);
        SparkSettings read = new SparkSettings(preferences);

        assertEquals(saved, read.installationProperty().get());
        assertEquals(Optional.of(saved), read.configured());
    }

    @Test
    void noInstallationAtFirst() {
        SparkSettings settings = new SparkSettings(preferences);

        assertNull(settings.installationProperty().get());
        assertEquals(Optional.empty(), settings.configured());
    }

    @Test
    void incompleteInstallationIsNotConfigured() throws Exception {
        SparkSettings settings = new SparkSettings(preferences);

        settings.save(new SparkInstallation(sparkHome(), "", Optional.empty(), List.of()));

        assertTrue(settings.installationProperty().get() != null);
        assertEquals(Optional.empty(), settings.configured());
    }

    @Test
    void removedInstallationIsForgotten() throws Exception {
        SparkSettings settings = new SparkSettings(preferences);
        settings.save(new SparkInstallation(sparkHome(), "yarn", Optional.empty(), List.of()));

        settings.save(null);

        assertNull(new SparkSettings(preferences).installationProperty().get());
        assertEquals(List.of(), List.of(preferences.keys()));
    }
}
