package org.backdrop.ui;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Scene;

/** The studio's light and dark themes, as stylesheets under {@code org/backdrop/ui/}. */
enum Theme {
    LIGHT, DARK;

    private static final String PREFERENCE = "theme";

    /** Returns the stylesheets of this theme, base first. */
    List<String> stylesheets() {
        String base = Theme.class.getResource("studio.css").toExternalForm();
        if (this == LIGHT) {
            return List.of(base);
        }
        return List.of(base, Theme.class.getResource("studio-dark.css").toExternalForm());
    }

    /** Applies themes to one scene and remembers the choice in the preferences. */
    static final class Switcher {
        private final Scene scene;
        private final Preferences preferences;
        private Theme current;

        Switcher(Scene scene, Preferences preferences) {
            this.scene = scene;
            this.preferences = preferences;
            String saved = preferences.get(PREFERENCE, LIGHT.name());
            this.current = DARK.name().equals(saved) ? DARK : LIGHT;
            scene.getStylesheets().setAll(current.stylesheets());
        }

        Theme current() {
            return current;
        }

        void apply(Theme theme) {
            current = theme;
            scene.getStylesheets().setAll(theme.stylesheets());
            preferences.put(PREFERENCE, theme.name());
        }
    }
}
