package org.backdrop.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.backdrop.dataset.FileDigest;

/**
 * The options of a run that decide its result, stored in every checkpoint, so that a resume with other
 * values is rejected instead of silently changing the rest of the run. Keys are the {@code train}
 * options that set them; values are canonical text. The seed is not included: a resume under another seed
 * is allowed with a warning.
 *
 * @param values the option values by option name, in a fixed order
 */
record RunSettings(Map<String, String> values) {

    RunSettings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Returns the settings of {@code options} with {@code sources}. A TorchScript file counts by its
     * SHA-256, so the same file named by another path is the same model.
     *
     * @throws TrainingException if the TorchScript file is missing
     * @throws IOException if the TorchScript file cannot be read
     */
    static RunSettings of(TrainingOptions options, List<TrainingSource> sources) throws IOException, TrainingException {
        Map<String, String> values = new LinkedHashMap<>();
        String model = options.architecture().cliName();
        if (options.transferFrom() != null) {
            if (!Files.isRegularFile(options.transferFrom())) {
                throw new TrainingException(options.transferFrom() + ": TorchScript model not found; give the file to fine-tune as torchscript=FILE");
            }
            model += " (SHA-256 " + FileDigest.sha256(options.transferFrom()) + ")";
        }
        values.put("--model", model);
        values.put("--freeze-epochs", Integer.toString(options.freezeEpochs()));
        values.put("--epochs", Integer.toString(options.epochs()));
        values.put("--batch", Integer.toString(options.batchSize()));
        values.put("--lr", Float.toString(options.learningRate()));
        values.put("--schedule", options.schedule().name().toLowerCase(Locale.ROOT));
        values.put("--momentum", Float.toString(options.momentum()));
        values.put("--weight-decay", Float.toString(options.weightDecay()));
        values.put("--no-augment", Boolean.toString(!options.augment()));
        List<String> mix = new ArrayList<>();
        for (TrainingSource source : sources) {
            TrainingSource.Share share = source.share();
            mix.add(source.name() + "=" + (share.count() >= 0 ? "count:" + share.count() : Double.toString(share.weight())));
        }
        values.put("--train", String.join(" ", mix));
        return new RunSettings(values);
    }

    /** Returns one sentence per option whose value differs from {@code current}, empty when all agree. */
    List<String> differences(RunSettings current) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> entry : current.values().entrySet()) {
            String stored = values.get(entry.getKey());
            if (!Objects.equals(stored, entry.getValue())) {
                differences.add(entry.getKey() + " was " + (stored == null ? "not recorded" : stored) + " when the run started and is "
                        + entry.getValue() + " now");
            }
        }
        return differences;
    }
}
