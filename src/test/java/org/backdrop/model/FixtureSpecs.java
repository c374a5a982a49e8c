package org.backdrop.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelSpecReader;

/**
 * Reads the specs of the shared fixture models from {@code src/test/resources/models}. Each spec is written
 * as if it lay beside its model, so a class-names path in it resolves against the model's folder.
 */
public final class FixtureSpecs {

    private FixtureSpecs() {}

    /** Reads {@code models/<name>} and resolves class-names files against {@code modelFolder}. */
    public static ModelSpec read(String name, Path modelFolder) throws ModelSpecException {
        String resource = "/models/" + name;
        try (InputStream in = FixtureSpecs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            return ModelSpecReader.read(in, resource, modelFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
