package org.backdrop.train.external;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A multi-GPU, multi-node job for PyTorch's {@code torchrun} (elastic launch, c10d rendezvous), written as
 * shell scripts into the run folder around the expanded hand-off command:
 *
 * <ul>
 *   <li>{@code torchrun.sh} runs the command under {@code torchrun} on this machine, with the rendezvous on
 *       127.0.0.1 unless {@code BACKDROP_RDZV_ENDPOINT} gives another {@code HOST:PORT};
 *   <li>{@code job.sbatch} is a Slurm batch script that starts one {@code torchrun} per node with
 *       {@code srun}, with the rendezvous on the job's first node, and ends its log with the line
 *       {@code backdrop-job-end status=N};
 *   <li>{@code submit-ssh.sh} submits {@code job.sbatch} with {@code ssh TARGET sbatch} and prints the job's
 *       log as it grows until that last line, then exits with the job's status (or 1 when {@code squeue}
 *       no longer lists a job that never wrote the line).
 * </ul>
 *
 * <p>The cluster must see the run folder under the same path as this machine (a shared file system),
 * because the scripts, the datasets, the results and the job's log all lie there.
 *
 * @param nodes the number of nodes, at least 1
 * @param gpusPerNode the processes (one per GPU) that {@code torchrun} starts on each node, at least 1
 * @param partition the Slurm partition, or null for the cluster's default
 * @param time the Slurm time limit as {@code [D-]HH:MM:SS}, or null for the partition's default
 * @param jobName the Slurm job name
 * @param port the rendezvous TCP port on the first node
 */
public record DistributedJob(int nodes, int gpusPerNode, String partition, String time, String jobName, int port) {

    /** torchrun's default rendezvous port (its {@code --master-port} default). */
    public static final int DEFAULT_PORT = 29500;
    /** The last line that {@code job.sbatch} writes into its log, followed by the exit status of {@code srun}. */
    public static final String END_MARKER = "backdrop-job-end status=";
    public static final String LAUNCHER = "torchrun.sh";
    public static final String BATCH_SCRIPT = "job.sbatch";
    public static final String SSH_SCRIPT = "submit-ssh.sh";
    public static final String JOB_LOG = "job.log";
    /** The environment variable that sets the rendezvous endpoint of {@code torchrun.sh}, 127.0.0.1:PORT when unset. */
    public static final String ENDPOINT_VARIABLE = "BACKDROP_RDZV_ENDPOINT";

    private static final Pattern TIME = Pattern.compile("(\\d+-)?\\d{1,2}:\\d{2}:\\d{2}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern SSH_TARGET = Pattern.compile("([A-Za-z0-9_.-]+@)?[A-Za-z0-9_.-]+|[A-Za-z0-9_.-]+@\\[[0-9A-Fa-f:.]+]");

    public DistributedJob {
        if (nodes < 1) {
            throw new IllegalArgumentException("invalid number of nodes " + nodes + ": give 1 or more");
        }
        if (gpusPerNode < 1) {
            throw new IllegalArgumentException("invalid number of GPUs per node " + gpusPerNode + ": give 1 or more");
        }
        if (time != null && !TIME.matcher(time).matches()) {
            throw new IllegalArgumentException("invalid time limit " + time + ": use HH:MM:SS or D-HH:MM:SS, such as 04:00:00");
        }
        if (partition != null && !NAME.matcher(partition).matches()) {
            throw new IllegalArgumentException("invalid partition name " + partition + ": use letters, digits, '_', '.' and '-'");
        }
        if (!NAME.matcher(jobName).matches()) {
            throw new IllegalArgumentException("invalid job name " + jobName + ": use letters, digits, '_', '.' and '-'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid rendezvous port " + port + ": give 1 to 65535");
        }
    }

    /** Checks an SSH destination such as {@code user@host}, the part after {@code ssh://}. */
    public static String checkSshTarget(String target) {
        if (target.startsWith("-") || !SSH_TARGET.matcher(target).matches()) {
            throw new IllegalArgumentException("invalid SSH destination " + target + ": use ssh://user@host or ssh://host");
        }
        return target;
    }

    /**
     * Returns the {@code torchrun} arguments up to {@code --rdzv_endpoint}, whose value the caller appends.
     * The options use underscores because torchrun of PyTorch 1.13 rejects the hyphenated spellings
     * ({@code --nproc-per-node}), which PyTorch 2 accepts as aliases of the underscore ones.
     */
    private List<String> torchrunWords() {
        return List.of("torchrun", "--nnodes", Integer.toString(nodes), "--nproc_per_node", Integer.toString(gpusPerNode), "--rdzv_backend", "c10d",
                "--rdzv_endpoint");
    }

    /**
     * Returns the arguments between the endpoint and the training command: {@code --no_python}, because the
     * hand-off template is a whole command line (such as {@code python3 train.py ...}), which torchrun would
     * otherwise run as {@code python python3 train.py ...}.
     */
    private static List<String> commandWords(List<String> command) {
        List<String> words = new ArrayList<>();
        words.add("--no_python");
        words.addAll(command);
        return words;
    }

    /** Returns the text of {@code torchrun.sh}, which runs {@code command} in {@code workDir}. */
    public String launcherScript(List<String> command, Path workDir) {
        return "#!/usr/bin/env bash\n"
                + "# Written by Backdrop: runs the training command under torchrun on this machine. On several nodes\n"
                + "# without Slurm, run it on each node with " + ENDPOINT_VARIABLE + "=FIRST_NODE:" + port + ".\n"
                + "set -euo pipefail\n"
                + "cd " + ShellQuoting.quote(workDir.toString()) + "\n"
                + "exec " + ShellQuoting.join(torchrunWords()) + " \"${" + ENDPOINT_VARIABLE + ":-127.0.0.1:" + port + "}\" "
                + ShellQuoting.join(commandWords(command)) + "\n";
    }

    /** Returns the text of {@code job.sbatch}, which writes its output to {@code log}. */
    public String batchScript(List<String> command, Path workDir, Path log) {
        StringBuilder script = new StringBuilder("#!/usr/bin/env bash\n");
        script.append("#SBATCH --job-name=").append(jobName).append('\n');
        script.append("#SBATCH --nodes=").append(nodes).append('\n');
        script.append("#SBATCH --ntasks-per-node=1\n");
        script.append("#SBATCH --gpus-per-node=").append(gpusPerNode).append('\n');
        if (time != null) {
            script.append("#SBATCH --time=").append(time).append('\n');
        }
        if (partition != null) {
            script.append("#SBATCH --partition=").append(partition).append('\n');
        }
        script.append("#SBATCH --output=").append(sbatchValue(log.toString())).append('\n');
        script.append("# Written by Backdrop: one torchrun per node, with the rendezvous on the job's first node.\n");
        script.append("set -uo pipefail\n");
        script.append("head_node=$(scontrol show hostnames \"$SLURM_JOB_NODELIST\" | head -n 1)\n");
        script.append("cd ").append(ShellQuoting.quote(workDir.toString())).append(" || exit 1\n");
        script.append("srun ").append(ShellQuoting.join(torchrunWords())).append(" \"$head_node:").append(port).append("\" --rdzv_id \"$SLURM_JOB_ID\" ")
                .append(ShellQuoting.join(commandWords(command))).append('\n');
        script.append("status=$?\n");
        script.append("echo \"").append(END_MARKER).append("$status\"\n");
        script.append("exit \"$status\"\n");
        return script.toString();
    }

    /**
     * Returns the text of {@code submit-ssh.sh}. It removes an old log, submits the batch script with
     * {@code ssh -o BatchMode=yes TARGET 'sbatch SCRIPT'} (the last word is run by the remote shell, so the
     * path is quoted for it) and prints the log from its first line until the end marker. When the log has
     * been silent for {@code BACKDROP_SLURM_POLL_SECONDS} (default 30), it runs {@code squeue} over SSH to
     * check that the job still exists. A job that Slurm ended early (scancel, time limit, failed start)
     * never writes the end marker, so the script then ends with status 1.
     */
    public String sshScript(String target, Path batchScript, Path log) {
        String ssh = "ssh -o BatchMode=yes " + ShellQuoting.quote(target) + " ";
        String marker = ShellQuoting.quote(END_MARKER);
        return "#!/usr/bin/env bash\n"
                + "# Written by Backdrop: submits the batch job over SSH and prints its log until the job ends.\n"
                + "# The log must lie on a file system that this machine and the cluster share under the same path.\n"
                + "set -uo pipefail\n"
                + "log=" + ShellQuoting.quote(log.toString()) + "\n"
                + "poll=${BACKDROP_SLURM_POLL_SECONDS:-30}\n"
                + "rm -f -- \"$log\"\n"
                + "submitted=$(" + ssh + ShellQuoting.quote("sbatch " + ShellQuoting.quote(batchScript.toString())) + ") || {\n"
                + "    status=$?\n"
                + "    printf '%s\\n' \"$submitted\"\n"
                + "    exit \"$status\"\n"
                + "}\n"
                + "printf '%s\\n' \"$submitted\"\n"
                + "job_id=${submitted##* }\n"
                + "case $job_id in ''|*[!0-9]*) job_id= ;; esac\n"
                + "exec 3< <(exec tail -n +1 -F -- \"$log\" 2>/dev/null)\n"
                + "tail_pid=$!\n"
                + "trap 'kill \"$tail_pid\" 2>/dev/null' EXIT\n"
                + "print_until_end() {\n"
                + "    printf '%s\\n' \"$line\"\n"
                + "    case $line in\n"
                + "        " + marker + "*) exit \"${line#" + marker + "}\" ;;\n"
                + "    esac\n"
                + "}\n"
                + "while :; do\n"
                + "    if IFS= read -r -t \"$poll\" line <&3; then\n"
                + "        print_until_end\n"
                + "    elif [ $? -le 128 ]; then\n"
                + "        exit 1\n"
                + "    elif [ -n \"$job_id\" ]; then\n"
                + "        state=$(" + ssh + "\"squeue -h -j $job_id -o %T\" 2>/dev/null)\n"
                + "        if [ $? -ne 255 ] && [ -z \"$state\" ]; then\n"
                + "            while IFS= read -r -t \"$poll\" line <&3; do print_until_end; done\n"
                + "            echo \"backdrop: Slurm job $job_id ended without its end line (cancelled, out of time or not started); see $log\" >&2\n"
                + "            exit 1\n"
                + "        fi\n"
                + "    fi\n"
                + "done\n";
    }

    /** Writes {@code torchrun.sh} and {@code job.sbatch} into {@code out}, and {@code submit-ssh.sh} when {@code sshTarget} is not null. */
    public Scripts write(List<String> command, Path out, Path workDir, String sshTarget) throws IOException {
        Path log = out.resolve(JOB_LOG);
        Path launcher = writeScript(out.resolve(LAUNCHER), launcherScript(command, workDir));
        Path batch = writeScript(out.resolve(BATCH_SCRIPT), batchScript(command, workDir, log));
        Path ssh = sshTarget == null ? null : writeScript(out.resolve(SSH_SCRIPT), sshScript(sshTarget, batch, log));
        return new Scripts(launcher, batch, ssh, log);
    }

    /**
     * The scripts written for a run.
     *
     * @param launcher {@code torchrun.sh}
     * @param batch {@code job.sbatch}
     * @param ssh {@code submit-ssh.sh}, or null when the job is not submitted over SSH
     * @param log the Slurm job's output file
     */
    public record Scripts(Path launcher, Path batch, Path ssh, Path log) {}

    private static Path writeScript(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the scripts are run through bash, which needs no execute bit
        }
        return file;
    }

    /**
     * Returns a value for an {@code #SBATCH} line: as it is without white space, else in double quotes, which
     * sbatch strips when it reads the line.
     */
    private static String sbatchValue(String value) {
        if (value.contains("\"") || value.contains("\n")) {
            // NOTE: sbatch has no escape for a double quote inside an #SBATCH value.
            throw new IllegalArgumentException("the run folder " + value + " contains a double quote or a line break, which an #SBATCH line"
                    + " cannot hold; choose another --out");
        }
        return value.chars().anyMatch(Character::isWhitespace) ? "\"" + value + "\"" : value;
    }
}
