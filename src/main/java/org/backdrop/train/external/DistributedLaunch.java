package org.backdrop.train.external;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Wraps a hand-off's training command in a {@link DistributedJob} and submits it where the user chose:
 * {@link Submit#LOCAL} runs {@code torchrun.sh} here, {@link Submit#PRINT} only writes the scripts, and
 * {@link Submit#SSH} runs {@code submit-ssh.sh}, which submits {@code job.sbatch} over SSH and prints
 * the job's log until the job ends, so that the hand-off streams, parses and evaluates it as for a local
 * command. Cancelling ends the local {@code ssh} or {@code tail} processes, but not the Slurm job.
 */
public final class DistributedLaunch implements CommandWrapper {

    /** The place a job runs: this machine, nowhere (the user submits it), or a Slurm cluster over SSH. */
    public enum Submit {
        LOCAL,
        PRINT,
        SSH
    }

    private final DistributedJob job;
    private final Submit submit;
    private final String sshTarget;
    private DistributedJob.Scripts scripts;

    /**
     * @param sshTarget the SSH destination such as {@code user@host} for {@link Submit#SSH}, else null
     * @throws IllegalArgumentException if the SSH destination is missing or invalid, or a local job has more than one node
     */
    public DistributedLaunch(DistributedJob job, Submit submit, String sshTarget) {
        if (submit == Submit.SSH) {
            DistributedJob.checkSshTarget(sshTarget == null ? "" : sshTarget);
        } else if (sshTarget != null) {
            throw new IllegalArgumentException("an SSH destination is used only with ssh submission");
        }
        if (submit == Submit.LOCAL && job.nodes() > 1) {
            throw new IllegalArgumentException("local submission runs on this machine only, so it takes 1 node, not " + job.nodes()
                    + "; submit to Slurm over ssh://user@host, or use print and start torchrun.sh on each node");
        }
        this.job = job;
        this.submit = submit;
        this.sshTarget = sshTarget;
    }

    /**
     * Parses {@code local}, {@code print} or {@code ssh://[user@]host}.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static DistributedLaunch parse(DistributedJob job, String text) {
        if (text.equals("local")) {
            return new DistributedLaunch(job, Submit.LOCAL, null);
        }
        if (text.equals("print")) {
            return new DistributedLaunch(job, Submit.PRINT, null);
        }
        if (text.startsWith("ssh://")) {
            return new DistributedLaunch(job, Submit.SSH, text.substring("ssh://".length()));
        }
        throw new IllegalArgumentException("invalid submission " + text + ": use local, print or ssh://user@host");
    }

    @Override
    public List<String> wrap(List<String> command, Path out, Path workDir) throws IOException {
        scripts = job.write(command, out, workDir, submit == Submit.SSH ? sshTarget : null);
        return switch (submit) {
            case LOCAL -> List.of(scripts.launcher().toString());
            case PRINT -> null;
            case SSH -> List.of(scripts.ssh().toString());
        };
    }

    /** Returns the scripts written by {@link #wrap}, or null before it ran. */
    public DistributedJob.Scripts scripts() {
        return scripts;
    }

    /** Returns the shell command that submits the batch job on the cluster's login node. */
    public String submitCommand() {
        return "sbatch " + ShellQuoting.quote(scripts.batch().toString());
    }

    @Override
    public void describe(ObjectNode run) {
        run.put("command", "train-dist");
        ObjectNode node = run.putObject("job");
        node.put("submit", submit == Submit.SSH ? "ssh://" + sshTarget : submit.name().toLowerCase(java.util.Locale.ROOT));
        node.put("nodes", job.nodes()).put("gpusPerNode", job.gpusPerNode());
        if (job.partition() == null) {
            node.putNull("partition");
        } else {
            node.put("partition", job.partition());
        }
        if (job.time() == null) {
            node.putNull("time");
        } else {
            node.put("time", job.time());
        }
        node.put("jobName", job.jobName()).put("rdzvPort", job.port());
        node.put("launcher", scripts.launcher().toString());
        node.put("batchScript", scripts.batch().toString());
        if (scripts.ssh() == null) {
            node.putNull("sshScript");
        } else {
            node.put("sshScript", scripts.ssh().toString());
        }
        node.put("jobLog", scripts.log().toString());
        node.put("submitCommand", submitCommand());
    }
}
