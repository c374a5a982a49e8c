package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train-dist} with the fake torchrun, sbatch, srun, scontrol and ssh programs of
 * src/test/resources/handoff/fakebin placed first on the command's PATH, so no host is contacted. The fake
 * torchrun runs the fake trainer (fake_trainer.py), which copies a reference case's detections to the
 * results path. The evaluated numbers must then equal the reference case's expected pycocotools numbers.
 */
class TrainDistCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path FAKE_BIN = Path.of("src/test/resources/handoff/fakebin").toAbsolutePath();
    private static final String TRAINER = Path.of("src/test/resources/handoff/fake_trainer.py").toAbsolutePath().toString();
    private static final String LOSS_PATTERN = "Epoch (?<epoch>\\d+)/\\d+: loss=(?<loss>[0-9.]+)";
    private static final List<String> STATS = List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl");

    @TempDir
    Path folder;

    private Path cocoDataset(Path reference) throws Exception {
        Path dataset = Files.createDirectories(folder.resolve("coco-val"));
        JsonNode groundTruth = MAPPER.readTree(reference.resolve("gt.json").toFile());
        MAPPER.writeValue(dataset.resolve("annotations.json").toFile(), groundTruth);
        Path jpeg = folder.resolve("pixel.jpg");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", jpeg.toFile());
        for (JsonNode image : groundTruth.get("images")) {
            Files.copy(jpeg, dataset.resolve(image.get("file_name").asText()));
        }
        return dataset;
    }

    private CliRunner.Result trainDist(Path dataset, Path out, String detections, String... extra) {
        List<String> args = new ArrayList<>(List.of("train-dist", "--train", dataset.toString(), "--val", dataset.toString(), "--out", out.toString(),
                "--command", "python3 " + TRAINER + " --train-annotations {train_annotations} --val-annotations {val_annotations}"
                        + " --results {results} --detections " + detections,
                "--metric-pattern", LOSS_PATTERN, "--env", "PATH=" + FAKE_BIN + ":" + System.getenv("PATH"), "--timeout", "120"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static void assertReferenceStats(Path reference, JsonNode document) throws Exception {
        JsonNode expected = MAPPER.readTree(reference.resolve("expected.json").toFile()).get("bbox").get("stats");
        JsonNode evaluation = document.get("evaluation");
        for (int i = 0; i < STATS.size(); i++) {
            assertEquals(expected.get(i).asDouble(), evaluation.get(STATS.get(i)).asDouble(), 1e-12, STATS.get(i));
        }
    }

    @Test
    void localSubmissionRunsTorchrun() throws Exception {
        Path reference = SharedData.reference("coco/medium_200img");
        Path dataset = cocoDataset(reference);
        Path out = folder.resolve("local run");

        CliRunner.Result result = trainDist(dataset, out, reference.resolve("dt.json").toString(), "--nodes", "1", "--gpus-per-node", "2", "--submit",
                "local", "--json");

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        JsonNode document = result.json();
        assertEquals("succeeded", document.get("status").asText());
        assertReferenceStats(reference, document);
        assertEquals(document, MAPPER.readTree(out.resolve("results.json").toFile()));
        assertEquals("train-dist", document.get("run").get("command").asText());
        assertEquals(List.of(out.toAbsolutePath().resolve("torchrun.sh").toString()), MAPPER.convertValue(document.get("run").get("launch"), List.class));
        assertEquals(3, Files.readAllLines(out.resolve("metrics.jsonl")).size());
        assertEquals(0.125, document.get("lastMetrics").get("loss").asDouble());
        String log = Files.readString(out.resolve("train.log"));
        assertTrue(log.contains("torchrun nnodes=1 nproc-per-node=2 rdzv-backend=c10d rdzv-endpoint=127.0.0.1:29500 rdzv-id=none"), log);
    }

    @Test
    void printSubmissionOnlyWritesScripts() throws Exception {
        Path dataset = cocoDataset(SharedData.reference("coco/tiny_crowd_region"));
        Path out = folder.resolve("it's printed");

        CliRunner.Result result = trainDist(dataset, out, "unused.json", "--nodes", "4", "--gpus-per-node", "8", "--partition", "a100", "--time",
                "1-00:00:00", "--submit", "print", "--json");

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        JsonNode document = result.json();
        assertEquals("prepared", document.get("status").asText());
        assertTrue(document.get("commandExitStatus").isNull());
        JsonNode job = document.get("run").get("job");
        assertEquals("print", job.get("submit").asText());
        assertEquals(4, job.get("nodes").asInt());
        assertEquals(8, job.get("gpusPerNode").asInt());
        assertEquals("backdrop-it_s_printed", job.get("jobName").asText());
        Path absolute = out.toAbsolutePath();
        assertEquals("sbatch '" + absolute.toString().replace("'", "'\\''") + "/job.sbatch'", job.get("submitCommand").asText());
        String batch = Files.readString(absolute.resolve("job.sbatch"));
        assertTrue(batch.contains("#SBATCH --nodes=4\n#SBATCH --ntasks-per-node=1\n#SBATCH --gpus-per-node=8\n#SBATCH --time=1-00:00:00\n"
                + "#SBATCH --partition=a100\n"), batch);
        assertTrue(Files.isRegularFile(absolute.resolve("torchrun.sh")));
        assertTrue(Files.isRegularFile(absolute.resolve("data/val/annotations.json")));
        assertFalse(Files.exists(absolute.resolve("train.log")), "nothing ran");

        CliRunner.Result text = trainDist(dataset, folder.resolve("text"), "unused.json", "--nodes", "2", "--gpus-per-node", "1", "--submit", "print");
        assertEquals(ExitCodes.SUCCESS, text.exitCode(), text.err());
        assertTrue(text.out().contains("#SBATCH --nodes=2"), text.out());
        assertTrue(text.out().contains("    sbatch " + folder.resolve("text").toAbsolutePath() + "/job.sbatch"), text.out());
        assertTrue(text.out().contains("    BACKDROP_RDZV_ENDPOINT=FIRST_NODE:29500 " + folder.resolve("text").toAbsolutePath() + "/torchrun.sh"), text.out());
    }

    @Test
    void sshSubmissionBuildsSshCommandAndFollowsLog() throws Exception {
        Path reference = SharedData.reference("coco/medium_200img");
        Path dataset = cocoDataset(reference);
        Path out = folder.resolve("cluster run");
        Path sshArgs = folder.resolve("ssh-args.txt");

        CliRunner.Result result = trainDist(dataset, out, reference.resolve("dt.json").toString(), "--nodes", "2", "--gpus-per-node", "4", "--submit",
                "ssh://ana@login.example.org", "--env", "FAKE_SSH_ARGS=" + sshArgs, "--env", "FAKE_JOB_LOG=" + out.resolve("job.log").toAbsolutePath(),
                "--json");

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        Path batch = out.toAbsolutePath().resolve("job.sbatch");
        assertEquals(List.of("-o", "BatchMode=yes", "ana@login.example.org", "sbatch '" + batch + "'", ""), Files.readAllLines(sshArgs));
        JsonNode document = result.json();
        assertEquals("succeeded", document.get("status").asText());
        assertEquals("ssh://ana@login.example.org", document.get("run").get("job").get("submit").asText());
        assertReferenceStats(reference, document);
        assertEquals(3, Files.readAllLines(out.resolve("metrics.jsonl")).size());
        String log = Files.readString(out.resolve("train.log"));
        assertTrue(log.contains("Submitted batch job 4242"), log);
        assertTrue(log.contains("torchrun nnodes=2 nproc-per-node=4 rdzv-backend=c10d rdzv-endpoint=node-a:29500 rdzv-id=4242"), log);
        assertTrue(log.endsWith("backdrop-job-end status=0\n"), log);
    }

    @Test
    void failedJobOverSshExitsTwo() throws Exception {
        Path dataset = cocoDataset(SharedData.reference("coco/tiny_crowd_region"));
        Path out = folder.resolve("failing");

        CliRunner.Result result = trainDist(dataset, out, "x --exit-status 5", "--nodes", "1", "--gpus-per-node", "1", "--submit", "ssh://login",
                "--env", "FAKE_SSH_ARGS=" + folder.resolve("args.txt"), "--env", "FAKE_JOB_LOG=" + out.resolve("job.log").toAbsolutePath(), "--json");

        assertEquals(ExitCodes.INVALID_INPUT, result.exitCode(), result.err());
        assertEquals("failed", result.json().get("status").asText());
        assertEquals(5, result.json().get("commandExitStatus").asInt());
    }

    @Test
    void jobEndedBySlurmStopsFollowing() throws Exception {
        Path dataset = cocoDataset(SharedData.reference("coco/tiny_crowd_region"));
        Path out = folder.resolve("never-started");
        Path sshArgs = folder.resolve("ssh-args.txt");

        CliRunner.Result result = trainDist(dataset, out, "x", "--nodes", "1", "--gpus-per-node", "1", "--submit", "ssh://login",
                "--env", "FAKE_SSH_ARGS=" + sshArgs, "--env", "FAKE_JOB_LOG=" + out.resolve("job.log").toAbsolutePath(),
                "--env", "FAKE_SBATCH_NO_RUN=1", "--env", "BACKDROP_SLURM_POLL_SECONDS=1", "--json");

        assertEquals(ExitCodes.INVALID_INPUT, result.exitCode(), result.err());
        assertEquals("failed", result.json().get("status").asText());
        assertEquals(1, result.json().get("commandExitStatus").asInt());
        List<String> calls = Files.readAllLines(sshArgs);
        assertEquals(List.of("-o", "BatchMode=yes", "login", "squeue -h -j 4242 -o %T", ""), calls.subList(5, 10));
        String log = Files.readString(out.resolve("train.log"));
        assertTrue(log.contains("Slurm job 4242 ended without its end line"), log);
    }

    @Test
    void invalidSubmissionIsUsageError() throws Exception {
        Path dataset = cocoDataset(SharedData.reference("coco/tiny_crowd_region"));

        CliRunner.Result multiNodeLocal = trainDist(dataset, folder.resolve("a"), "x", "--nodes", "2", "--gpus-per-node", "1", "--submit", "local", "--json");
        CliRunner.Result unknown = trainDist(dataset, folder.resolve("b"), "x", "--nodes", "1", "--gpus-per-node", "1", "--submit", "kubernetes", "--json");
        CliRunner.Result badHost = trainDist(dataset, folder.resolve("c"), "x", "--nodes", "1", "--gpus-per-node", "1", "--submit", "ssh://-oProxyCommand=x",
                "--json");
        CliRunner.Result badTime = trainDist(dataset, folder.resolve("d"), "x", "--nodes", "1", "--gpus-per-node", "1", "--time", "2h", "--submit", "print",
                "--json");

        assertEquals(ExitCodes.USAGE, multiNodeLocal.exitCode());
        assertTrue(multiNodeLocal.err().contains("local submission runs on this machine only"), multiNodeLocal.err());
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("invalid submission kubernetes"), unknown.err());
        assertEquals(ExitCodes.USAGE, badHost.exitCode());
        assertEquals(ExitCodes.USAGE, badTime.exitCode());
        assertFalse(Files.exists(folder.resolve("a/data")), "nothing is written after a usage error");
    }
}
