package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One epoch on generated images writes every file of a run folder; needs no shared data. */
class OneEpochTest {

    @Test
    void writesRunFolder(@TempDir Path temp) throws Exception {
        Dataset data = TrainingData.generated(temp.resolve("data"), 8);
        Path out = temp.resolve("run");
        List<EpochMetrics> seen = new ArrayList<>();

        TrainingResult result = ClassifierTrainer.train(List.of(TrainingSource.of("generated", data)),
                List.of(new TestSet("same", data)), TrainingOptions.defaults(out, 1).withBatch(4, 0.05f),
                ProgressListener.NONE, seen::add);

        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(1, lines.size());
        JsonNode metrics = mapper.readTree(lines.get(0));
        assertEquals(1, metrics.get("epoch").asInt());
        assertTrue(metrics.get("test").has("same"));
        assertTrue(metrics.get("imagesPerSecond").asDouble() > 0);
        assertEquals(1, seen.size());
        assertEquals("cpu()", result.device());
        assertEquals("1", Files.readString(out.resolve("checkpoints/latest")));
        assertTrue(Files.isRegularFile(out.resolve("model-0001.params")));
        JsonNode spec = mapper.readTree(out.resolve("model.json").toFile());
        assertEquals("[\"dark\",\"light\"]", spec.get("classNames").toString());
        assertEquals("model-0001.params", spec.get("paramsFile").asText());
    }
}
