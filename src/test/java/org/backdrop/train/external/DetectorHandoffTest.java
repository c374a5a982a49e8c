package org.backdrop.train.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.eval.coco.IouType;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorHandoffTest {

    private static final String TRAINER = Path.of("src/test/resources/handoff/fake_trainer.py").toAbsolutePath().toString();

    @TempDir
    Path folder;

    /** Writes a COCO dataset of a reference case's ground truth with empty image files, which the COCO writer copies as they are. */
    private Path dataset() throws Exception {
        Path reference = SharedData.reference("coco/tiny_crowd_region");
        Path dataset = Files.createDirectories(folder.resolve("val"));
        JsonNode groundTruth = new ObjectMapper().readTree(reference.resolve("gt.json").toFile());
        Files.copy(reference.resolve("gt.json"), dataset.resolve("annotations.json"));
        for (JsonNode image : groundTruth.get("images")) {
            Files.createFile(dataset.resolve(image.get("file_name").asText()));
        }
        return dataset;
    }

    private HandoffOptions options(Path dataset, String arguments, Duration timeout, Map<String, String> environment) {
        return new HandoffOptions(dataset, dataset, DatasetFormat.COCO, "python3 " + TRAINER + " --train-annotations {train_annotations}"
                + " --val-annotations {val_annotations} --results {results} --detections none " + arguments, "loss=(?<loss>[0-9.]+)",
                "results.json", folder.resolve("run"), IouType.BBOX, timeout, environment);
    }

    @Test
    void cancelEndsProcessTree() throws Exception {
        AtomicLong childPid = new AtomicLong(-1);
        TrainerOutputListener listener = new TrainerOutputListener() {
            @Override
            public void line(Stream stream, String text) {
                if (text.startsWith("child pid ")) {
                    childPid.set(Long.parseLong(text.substring("child pid ".length())));
                }
            }

            @Override
            public void metrics(MetricRecord record) {}
        };
        ProgressListener cancelOnceChildRuns = new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
                return childPid.get() > 0;
            }
        };

        DetectorHandoff.Result result = DetectorHandoff.run(options(dataset(), "--hang", null, Map.of()), listener, cancelOnceChildRuns);

        assertEquals(DetectorHandoff.Status.CANCELLED, result.status());
        Optional<ProcessHandle> child = ProcessHandle.of(childPid.get());
        if (child.isPresent()) {
            child.get().onExit().get(5, TimeUnit.SECONDS);
        }
        assertFalse(child.map(ProcessHandle::isAlive).orElse(false), "the trainer's child process still runs");
        assertEquals("cancelled", result.document().get("status").asText());
    }

    @Test
    void cancelEndsLocalTorchrunJob() throws Exception {
        AtomicLong childPid = new AtomicLong(-1);
        List<String> lines = new CopyOnWriteArrayList<>();
        TrainerOutputListener listener = new TrainerOutputListener() {
            @Override
            public void line(Stream stream, String text) {
                lines.add(text);
                if (text.startsWith("child pid ")) {
                    childPid.set(Long.parseLong(text.substring("child pid ".length())));
                }
            }

            @Override
            public void metrics(MetricRecord record) {}
        };
        ProgressListener cancelOnceChildRuns = new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
                return childPid.get() > 0;
            }
        };
        String fakeBin = Path.of("src/test/resources/handoff/fakebin").toAbsolutePath().toString();
        DistributedLaunch local = DistributedLaunch.parse(new DistributedJob(1, 2, null, null, "cancel", DistributedJob.DEFAULT_PORT), "local");

        DetectorHandoff.Result result = DetectorHandoff.run(options(dataset(), "--hang", null, Map.of("PATH", fakeBin + ":" + System.getenv("PATH"))),
                local, listener, cancelOnceChildRuns);

        assertEquals(DetectorHandoff.Status.CANCELLED, result.status());
        assertTrue(lines.get(0).startsWith("torchrun nnodes=1 nproc-per-node=2"), lines.toString());
        Optional<ProcessHandle> child = ProcessHandle.of(childPid.get());
        if (child.isPresent()) {
            child.get().onExit().get(5, TimeUnit.SECONDS);
        }
        assertFalse(child.map(ProcessHandle::isAlive).orElse(false), "the trainer's child process still runs");
    }

    @Test
    void timeoutEndsCommand() throws Exception {
        DetectorHandoff.Result result = DetectorHandoff.run(options(dataset(), "--hang", Duration.ofSeconds(1), Map.of()),
                TrainerOutputListener.NONE, ProgressListener.NONE);

        assertEquals(DetectorHandoff.Status.TIMED_OUT, result.status());
        assertTrue(result.process().seconds() < 15, "the run took " + result.process().seconds() + " s");
    }

    @Test
    void listenerSeesLinesAndMetrics() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        List<MetricRecord> metrics = new CopyOnWriteArrayList<>();
        TrainerOutputListener listener = new TrainerOutputListener() {
            @Override
            public void line(Stream stream, String text) {
                lines.add(stream + " " + text);
            }

            @Override
            public void metrics(MetricRecord record) {
                metrics.add(record);
            }
        };

        DetectorHandoff.Result result = DetectorHandoff.run(options(dataset(), "--epochs 2 --exit-status 3", null, Map.of("PYTHONUNBUFFERED", "1")),
                listener, ProgressListener.NONE);

        assertEquals(DetectorHandoff.Status.FAILED, result.status());
        assertEquals(List.of(0.5, 0.25), metrics.stream().map(record -> record.values().get("loss")).toList());
        assertTrue(lines.contains("STDERR training failed on purpose"), lines.toString());
        assertTrue(lines.contains("STDOUT Epoch 1/2: loss=0.500000"), lines.toString());
    }
}
