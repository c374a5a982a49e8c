package org.backdrop.train.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts of {@link DistributedJob}: their text against expectations written by hand, their syntax
 * with {@code bash -n}, and their quoting by running them with the fake torchrun, srun and scontrol in
 * src/test/resources/handoff/fakebin, which must see each argument unchanged.
 */
class DistributedJobTest {

    private static final Path FAKE_BIN = Path.of("src/test/resources/handoff/fakebin").toAbsolutePath();
    private static final List<String> COMMAND = List.of("python3", "/data/it's here/train.py", "--lr", "0.1");
    private static final DistributedJob JOB = new DistributedJob(2, 4, "gpu", "04:00:00", "backdrop-run", 29500);

    @TempDir
    Path folder;

    @Test
    void launcherMatchesHandWrittenScript() {
        String expected = """
                #!/usr/bin/env bash
                # Written by Backdrop: runs the training command under torchrun on this machine. On several nodes
                # without Slurm, run it on each node with BACKDROP_RDZV_ENDPOINT=FIRST_NODE:29500.
                set -euo pipefail
                cd '/runs/my run/trainer'
                exec torchrun --nnodes 2 --nproc_per_node 4 --rdzv_backend c10d --rdzv_endpoint "${BACKDROP_RDZV_ENDPOINT:-127.0.0.1:29500}" \
                --no_python python3 '/data/it'\\''s here/train.py' --lr 0.1
                """;

        assertEquals(expected, JOB.launcherScript(COMMAND, Path.of("/runs/my run/trainer")));
    }

    @Test
    void batchScriptMatchesHandWrittenScript() {
        String expected = """
                #!/usr/bin/env bash
                #SBATCH --job-name=backdrop-run
                #SBATCH --nodes=2
                #SBATCH --ntasks-per-node=1
                #SBATCH --gpus-per-node=4
                #SBATCH --time=04:00:00
                #SBATCH --partition=gpu
                #SBATCH --output="/runs/my run/job.log"
                # Written by Backdrop: one torchrun per node, with the rendezvous on the job's first node.
                set -uo pipefail
                head_node=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)
                cd '/runs/my run/trainer' || exit 1
                srun torchrun --nnodes 2 --nproc_per_node 4 --rdzv_backend c10d --rdzv_endpoint "$head_node:29500" --rdzv_id "$SLURM_JOB_ID" \
                --no_python python3 '/data/it'\\''s here/train.py' --lr 0.1
                status=$?
                echo "backdrop-job-end status=$status"
                exit "$status"
                """;

        assertEquals(expected, JOB.batchScript(COMMAND, Path.of("/runs/my run/trainer"), Path.of("/runs/my run/job.log")));
    }

    @Test
    void batchScriptLeavesOutUnsetLimits() {
        DistributedJob job = new DistributedJob(1, 1, null, null, "j", 29400);

        String script = job.batchScript(List.of("train"), Path.of("/w"), Path.of("/w/job.log"));

        assertFalse(script.contains("--time"), script);
        assertFalse(script.contains("--partition"), script);
        assertTrue(script.contains("#SBATCH --output=/w/job.log\n"), script);
        assertTrue(script.contains("\"$head_node:29400\""), script);
    }

    @Test
    void sshScriptMatchesHandWrittenScript() {
        String expected = """
                #!/usr/bin/env bash
                # Written by Backdrop: submits the batch job over SSH and prints its log until the job ends.
                # The log must lie on a file system that this machine and the cluster share under the same path.
                set -uo pipefail
                log='/runs/my run/job.log'
                poll=${BACKDROP_SLURM_POLL_SECONDS:-30}
                rm -f -- "$log"
                submitted=$(ssh -o BatchMode=yes ana@login.example.org 'sbatch '\\''/runs/my run/job.sbatch'\\''') || {
                    status=$?
                    printf '%s\\n' "$submitted"
                    exit "$status"
                }
                printf '%s\\n' "$submitted"
                job_id=${submitted##* }
                case $job_id in ''|*[!0-9]*) job_id= ;; esac
                exec 3< <(exec tail -n +1 -F -- "$log" 2>/dev/null)
                tail_pid=$!
                trap 'kill "$tail_pid" 2>/dev/null' EXIT
                print_until_end() {
                    printf '%s\\n' "$line"
                    case $line in
                        'backdrop-job-end status='*) exit "${line#'backdrop-job-end status='}" ;;
                    esac
                }
                while :; do
                    if IFS= read -r -t "$poll" line <&3; then
                        print_until_end
                    elif [ $? -le 128 ]; then
                        exit 1
                    elif [ -n "$job_id" ]; then
                        state=$(ssh -o BatchMode=yes ana@login.example.org "squeue -h -j $job_id -o %T" 2>/dev/null)
                        if [ $? -ne 255 ] && [ -z "$state" ]; then
                            while IFS= read -r -t "$poll" line <&3; do print_until_end; done
                            echo "backdrop: Slurm job $job_id ended without its end line (cancelled, out of time or not started); see $log" >&2
                            exit 1
                        fi
                    fi
                done
                """;

        assertEquals(expected, JOB.sshScript("ana@login.example.org", Path.of("/runs/my run/job.sbatch"), Path.of("/runs/my run/job.log")));
    }

    @Test
    void writtenScriptsPassBashSyntaxCheck() throws Exception {
        Path out = folder.resolve("run 'quoted' $HOME");
        DistributedJob.Scripts scripts = new DistributedJob(1, 2, null, null, "j", 29500).write(COMMAND, out, out.resolve("trainer"), "host");

        for (Path script : List.of(scripts.launcher(), scripts.batch(), scripts.ssh())) {
            Result check = bash(folder, List.of("bash", "-n", script.toString()));
            assertEquals(0, check.exitCode(), script + ": " + check.output());
            assertTrue(Files.isExecutable(script), script + " is executable");
        }
    }

    @Test
    void scriptsPassArgumentsUnchanged() throws Exception {
        Path out = folder.resolve("run with 'quotes' and \"double\" $HOME");
        List<String> command = List.of("printf", "[%s]\\n", "it's", "a  b", "$HOME", "`date`", "*");
        DistributedJob job = new DistributedJob(1, 2, null, null, "j", 29500);
        Path workDir = out.resolve("trainer");
        Files.createDirectories(workDir);
        String expectedArgs = "[it's]\n[a  b]\n[$HOME]\n[`date`]\n[*]\n";

        // sbatch cannot hold a double quote in an #SBATCH value, so the batch script gets a plain log path.
        Path launcher = Files.writeString(folder.resolve("launcher.sh"), job.launcherScript(command, workDir));
        Path batch = Files.writeString(folder.resolve("batch.sh"), job.batchScript(command, workDir, folder.resolve("job.log")));

        Result local = bash(workDir, List.of("bash", launcher.toString()));
        assertEquals(0, local.exitCode(), local.output());
        assertEquals("torchrun nnodes=1 nproc-per-node=2 rdzv-backend=c10d rdzv-endpoint=127.0.0.1:29500 rdzv-id=none\n" + expectedArgs, local.output());

        Result otherNode = bash(workDir, List.of("env", "BACKDROP_RDZV_ENDPOINT=node-a:29501", "bash", launcher.toString()));
        assertEquals(0, otherNode.exitCode(), otherNode.output());
        assertTrue(otherNode.output().startsWith("torchrun nnodes=1 nproc-per-node=2 rdzv-backend=c10d rdzv-endpoint=node-a:29501 "), otherNode.output());

        Result slurm = bash(workDir, List.of("env", "SLURM_JOB_ID=77", "SLURM_JOB_NODELIST=node-[a-b]", "bash", batch.toString()));
        assertEquals(0, slurm.exitCode(), slurm.output());
        assertEquals("torchrun nnodes=1 nproc-per-node=2 rdzv-backend=c10d rdzv-endpoint=node-a:29500 rdzv-id=77\n" + expectedArgs
                + "backdrop-job-end status=0\n", slurm.output());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DistributedJob(0, 1, null, null, "j", 29500));
        assertThrows(IllegalArgumentException.class, () -> new DistributedJob(1, 0, null, null, "j", 29500));
        assertThrows(IllegalArgumentException.class, () -> new DistributedJob(1, 1, null, "4h", "j", 29500));
        assertThrows(IllegalArgumentException.class, () -> new DistributedJob(1, 1, "gpu;rm", null, "j", 29500));
        assertThrows(IllegalArgumentException.class, () -> new DistributedJob(1, 1, null, null, "a b", 29500));
        assertThrows(IllegalArgumentException.class, () -> DistributedJob.checkSshTarget("-oProxyCommand=x"));
        assertThrows(IllegalArgumentException.class, () -> DistributedJob.checkSshTarget("user@host;reboot"));
        assertEquals("ana@login-1.example.org", DistributedJob.checkSshTarget("ana@login-1.example.org"));
        assertThrows(IllegalArgumentException.class,
                () -> JOB.batchScript(COMMAND, Path.of("/w"), Path.of("/runs/a\"b/job.log")));
    }

    private record Result(int exitCode, String output) {}

    private static Result bash(Path directory, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", FAKE_BIN + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script finished");
        return new Result(process.exitValue(), output);
    }
}
