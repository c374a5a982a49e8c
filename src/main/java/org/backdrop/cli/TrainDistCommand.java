package org.backdrop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backdrop.train.external.DistributedJob;
import org.backdrop.train.external.DistributedLaunch;
import org.backdrop.train.external.ShellQuoting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code backdrop train-dist}: the detector hand-off of {@code train-det}, run as a multi-GPU or multi-node
 * {@code torchrun} job on this machine, through Slurm over SSH, or written for the user to submit.
 */
@Command(
        name = "train-dist",
        description = {
            "Write the datasets as for train-det, then write OUT/torchrun.sh (torchrun with a c10d rendezvous around the training command)"
                    + " and OUT/job.sbatch (a Slurm batch script that runs one torchrun per node with srun, with the rendezvous on the"
                    + " first node), and submit the job.",
            "--submit local runs torchrun.sh here and follows it like train-det; print only writes the scripts and prints how to submit;"
                    + " ssh://user@host runs 'ssh user@host sbatch OUT/job.sbatch' and follows OUT/job.log until the job ends. With ssh, the"
                    + " cluster must see OUT under the same path (a shared file system), and key-based login must work (ssh -o BatchMode=yes).",
            "torchrun gets --no_python, so it starts the training command as written (such as python3 tools/train.py ...) once per GPU,"
                    + " with RANK, LOCAL_RANK and WORLD_SIZE set; the command must write the results from one rank only."
        },
        footer = {"", "Exit codes: 0 success (or scripts written with --submit print), 1 wrong usage, 2 invalid input, a failed job or"
                + " missing results (see OUT/results.json), 3 finished with skipped samples."})
final class TrainDistCommand extends TrainDetCommand {

    @Option(names = "--nodes", required = true, paramLabel = "N", description = "The number of nodes (machines).")
    int nodes;

    @Option(names = "--gpus-per-node", required = true, paramLabel = "G", description = "The processes torchrun starts on each node, one per GPU.")
    int gpusPerNode;

    @Option(names = "--partition", paramLabel = "P", description = "The Slurm partition. Default: the cluster's default partition.")
    String partition;

    @Option(names = "--time", paramLabel = "HH:MM:SS", description = "The Slurm time limit, HH:MM:SS or D-HH:MM:SS. Default: the partition's limit.")
    String time;

    @Option(names = "--job-name", paramLabel = "NAME", description = "The Slurm job name. Default: backdrop-<name of --out>.")
    String jobName;

    @Option(names = "--rdzv-port", paramLabel = "PORT", description = "The TCP port of the rendezvous on the first node. Default: 29500.")
    int rdzvPort = DistributedJob.DEFAULT_PORT;

    @Option(names = "--submit", required = true, paramLabel = "WHERE", description = "local, print or ssh://user@host.")
    String submit;

    private DistributedLaunch launch;

    @Override
    public Integer call() {
        String name = jobName != null ? jobName : "backdrop-" + out.toAbsolutePath().normalize().getFileName().toString().replaceAll("[^A-Za-z0-9_.-]", "_");
        try {
            launch = DistributedLaunch.parse(new DistributedJob(nodes, gpusPerNode, partition, time, name, rdzvPort), submit);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return run(launch);
    }

    @Override
    void printText(ObjectNode document) {
        if (!document.get("status").asText().equals("prepared")) {
            super.printText(document);
            return;
        }
        PrintWriter output = spec.commandLine().getOut();
        JsonNode job = document.get("run").get("job");
        for (String key : new String[] {"launcher", "batchScript"}) {
            Path script = Path.of(job.get(key).asText());
            output.println("==> " + script + " <==");
            try {
                output.print(Files.readString(script));
            } catch (IOException e) {
                throw new InvalidInputException(script + ": cannot read the written script: " + e.getMessage(), e);
            }
            output.println();
        }
        output.println("Submit on the cluster's login node (the cluster must see " + document.get("run").get("out").asText() + " under the same path):");
        output.println("    " + job.get("submitCommand").asText());
        String launcher = ShellQuoting.quote(job.get("launcher").asText());
        int jobNodes = job.get("nodes").asInt();
        if (jobNodes == 1) {
            output.println("or run it on this machine:");
            output.println("    " + launcher);
        } else {
            output.println("or, without Slurm, run on each of the " + jobNodes + " nodes (FIRST_NODE is the host name of one of them):");
            output.println("    " + DistributedJob.ENDPOINT_VARIABLE + "=FIRST_NODE:" + job.get("rdzvPort").asInt() + " " + launcher);
        }
        output.println("Then evaluate the results with eval-det or eval-voc against " + Path.of(document.get("run").get("out").asText(), "data", "val") + ".");
        output.flush();
    }
}
