package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backdrop.train.TrainingSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

class TrainSourceConverterTest {

    private final TrainCommand.SourceConverter converter = new TrainCommand.SourceConverter();

    @TempDir
    Path temp;

    @Test
    void weightAfterEquals() {
        TrainCommand.SourceSpec spec = converter.convert("data/train=0.5");

        assertEquals(Path.of("data/train"), spec.path());
        assertEquals(TrainingSource.Share.weight(0.5), spec.share());
    }

    @Test
    void existingFolderWithEqualsIsPath() throws Exception {
        Path variant = Files.createDirectories(temp.resolve("noise-gaussian=127.5,50"));

        TrainCommand.SourceSpec spec = converter.convert(variant.toString());

        assertEquals(variant, spec.path());
        assertEquals(TrainingSource.Share.weight(1), spec.share());
    }

    @Test
    void existingFolderTakesWeight() throws Exception {
        Path variant = Files.createDirectories(temp.resolve("noise-gaussian=127.5,50"));

        TrainCommand.SourceSpec spec = converter.convert(variant + "=count:40");

        assertEquals(variant, spec.path());
        assertEquals(TrainingSource.Share.count(40), spec.share());
    }

    @Test
    void invalidShareIsRejected() {
        assertThrows(TypeConversionException.class, () -> converter.convert(temp.resolve("missing") + "=lots"));
    }
}
