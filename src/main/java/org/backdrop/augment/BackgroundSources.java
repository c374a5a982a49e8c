package org.backdrop.augment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.backdrop.background.Background;
import org.backdrop.background.BackgroundRequest;
import org.backdrop.background.CorrelatedBackground;
import org.backdrop.background.OtherSampleBackground;
import org.backdrop.background.SceneBackground;
import org.backdrop.dataset.AtomicFiles;

/**
 * The origin of each output's background, as the manifest records it: the donor sample for methods
 * that borrow another sample's background, the photo for scenes, the group and photo for correlated
 * backgrounds, and the method's name otherwise. A variant's sources are kept in
 * {@code .backdrop-sources-<variant>.txt} in the output folder, one line per kept sample, so that a
 * rerun that skips a finished variant still writes the same manifest.
 */
final class BackgroundSources {

    private final String[] sources;

    BackgroundSources(int size) {
        this.sources = new String[size];
    }

    /** Records the source of sample {@code index}; called from rendering threads. */
    void record(int index, String source) {
        sources[index] = source;
    }

    static String describe(Background background, BackgroundRequest request, AugmentPool pool) {
        if (background instanceof OtherSampleBackground other) {
            int donor = other.chooseDonor(request);
            return donor < 0 ? "none" : "sample " + pool.id(donor);
        }
        if (background instanceof SceneBackground scenes) {
            return "photo " + scenes.choosePhoto(request).getFileName();
        }
        if (background instanceof CorrelatedBackground correlated) {
            CorrelatedBackground.Assignment assignment = correlated.assign(request);
            return "group " + assignment.group() + (assignment.ownGroup() ? " (own)" : " (other)") + ", photo "
                    + assignment.photo().getFileName();
        }
        return background.name();
    }

    /** Writes the sources of {@code variant} through a temporary file; unrecorded samples read "not written". */
    void save(Path outDir, String variant) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String source : sources) {
            text.append(source == null ? "not written" : source.replace('\n', ' ')).append('\n');
        }
        AtomicFiles.write(file(outDir, variant), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the sources a run saved for {@code variant}, or empty when it saved none. */
    static Optional<List<String>> load(Path outDir, String variant) throws IOException {
        Path file = file(outDir, variant);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.asList(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
    }

    private static Path file(Path outDir, String variant) {
        return outDir.resolve(".backdrop-sources-" + variant + ".txt");
    }
}
