package org.backdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentProjectsTest {

    @TempDir
    Path temp;

    private final Preferences preferences = Preferences.userRoot().node("backdrop-test-" + UUID.randomUUID());

    @AfterEach
    void removePreferences() throws BackingStoreException {
        preferences.removeNode();
    }

    private Path project(String name) throws IOException {
        return Files.writeString(temp.resolve(name + ".backdrop"), "");
    }

    @Test
    void newestComesFirstWithoutRepeats() throws IOException {
        RecentProjects recent = new RecentProjects(preferences);
        Path a = project("a");
        Path b = project("b");

        recent.add(a);
        recent.add(b);
        recent.add(a);

        assertEquals(List.of(a, b), recent.projects());
        assertEquals(List.of(a, b), new RecentProjects(preferences).projects());
    }

    @Test
    void oldestBeyondMaximumIsDropped() throws IOException {
        RecentProjects recent = new RecentProjects(preferences);
        List<Path> added = new ArrayList<>();
        for (int i = 0; i <= RecentProjects.MAX; i++) {
            Path project = project("p" + i);
            added.add(0, project);
            recent.add(project);
        }

        assertEquals(added.subList(0, RecentProjects.MAX), recent.projects());
    }

    @Test
    void deletedProjectIsLeftOut() throws IOException {
        Path kept = project("kept");
        Path deleted = project("deleted");
        RecentProjects recent = new RecentProjects(preferences);
        recent.add(kept);
        recent.add(deleted);

        Files.delete(deleted);

        assertEquals(List.of(kept), new RecentProjects(preferences).projects());
    }
}
