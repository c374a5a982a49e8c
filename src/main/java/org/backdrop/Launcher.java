package org.backdrop;

import org.backdrop.cli.BackdropCli;
import org.backdrop.ui.StudioApp;

/**
 * The jar's entry point: with no arguments it opens the studio, otherwise it runs a command headless.
 *
 * <p>This class must not extend JavaFX's {@code Application}: with JavaFX on the class path rather
 * than the module path, the JVM refuses to start such a main class.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            StudioApp.open(null);
            return;
        }
        System.exit(BackdropCli.execute(args, StudioApp::open));
    }
}
