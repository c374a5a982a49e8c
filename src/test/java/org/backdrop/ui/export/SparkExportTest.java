package org.backdrop.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.apache.spark.launcher.SparkAppHandle;
import org.backdrop.engine.launch.JobPhase;
import org.backdrop.engine.launch.SparkJobSubmitter;
import org.junit.jupiter.api.Test;

/** The end of a Spark export turned into the dialog's summary or an error. */
class SparkExportTest {

    private static final String RESULT = """
            {"variants": [{"name": "red", "images": 4, "dir": "/out/red"}],
             "skipped": [{"file": "JPEGImages/b.jpg", "reason": "the annotations contain no mask for this image"}],
             "manifest": "/out/manifest.json"}
            """;

    private static SparkJobSubmitter.Outcome outcome(JobPhase phase, SparkAppHandle.State state, String result) throws IOException {
        Optional<JsonNode> document = result == null ? Optional.empty() : Optional.of(new ObjectMapper().readTree(result));
        return new SparkJobSubmitter.Outcome(phase, state, Optional.of("app-1"), document, List.of("ERROR boom"), Path.of("/logs/job"));
    }

    @Test
    void succeededJobGivesLocalSummary() throws Exception {
        ExportViewModel.Summary summary = SparkExport.summary(outcome(JobPhase.SUCCEEDED, SparkAppHandle.State.FAILED, RESULT));

        assertEquals("""
                Wrote 4 images in 1 variants.
                red: 4 images in /out/red
                Skipped 1 samples:
                  JPEGImages/b.jpg: the annotations contain no mask for this image
                Manifest: /out/manifest.json""", summary.describe(20));
    }

    @Test
    void failedJobNamesStateLogsAndError() throws Exception {
        IOException error = assertThrows(IOException.class, () -> SparkExport.summary(outcome(JobPhase.FAILED, SparkAppHandle.State.FAILED, null)));

        assertTrue(error.getMessage().contains("state FAILED (application app-1)"), error.getMessage());
        assertTrue(error.getMessage().contains("/logs/job"), error.getMessage());
        assertTrue(error.getMessage().endsWith("ERROR boom"), error.getMessage());
    }

    @Test
    void finishedJobWithoutResultFails() throws Exception {
        assertThrows(IOException.class, () -> SparkExport.summary(outcome(JobPhase.SUCCEEDED, SparkAppHandle.State.FINISHED, null)));
    }

    @Test
    void cancelledJobIsCancellation() throws Exception {
        assertThrows(CancellationException.class, () -> SparkExport.summary(outcome(JobPhase.CANCELLED, SparkAppHandle.State.KILLED, null)));
    }
}
