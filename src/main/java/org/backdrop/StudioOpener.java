package org.backdrop;

import java.nio.file.Path;

/**
 * Opens the studio window. The launcher gives the command line an implementation, so that
 * {@code backdrop studio} works without the command-line package depending on the JavaFX one.
 */
@FunctionalInterface
public interface StudioOpener {

    /** Opens the studio, with {@code datasetOrProject} loaded when it is not null; blocks until the window closes. */
    void open(Path datasetOrProject);
}
