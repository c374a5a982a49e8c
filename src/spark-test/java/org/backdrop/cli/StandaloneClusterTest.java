package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code augment} and {@code eval-det --model} with {@code --engine spark} on a real standalone
 * cluster on 127.0.0.1: a master and two workers, each in its own JVM started through Spark's own
 * classes, with one single-core executor per worker.
 * The processes are stopped by handle afterwards, executors first.
 */
class StandaloneClusterTest {

    @TempDir
    static Path cluster;

    private static final List<Process> PROCESSES = new ArrayList<>();
    private static String master;

    @BeforeAll
    static void startCluster() throws Exception {
        SharedData.root();
        Path sparkHome = Files.createDirectories(cluster.resolve("spark-home"));
        Files.createDirectories(sparkHome.resolve("jars"));
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        PROCESSES.add(start("master", sparkHome, "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0"));
        waitForPort(port);
        for (int worker = 1; worker <= 2; worker++) {
            Path workDir = Files.createDirectories(cluster.resolve("worker-" + worker));
            PROCESSES.add(start("worker-" + worker, sparkHome, "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--webui-port", "0", "--cores", "1", "--memory", "1g", "--work-dir", workDir.toString(), master));
        }

        SparkTestSettings.apply();
        System.setProperty("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        System.setProperty("spark.executor.extraJavaOptions", JavaModuleOptions.defaultModuleOptions());
        System.setProperty("spark.cores.max", "2");
        // Wait for both executors before the first job, so that both take part.
        System.setProperty("spark.scheduler.minRegisteredResourcesRatio", "1.0");
        System.setProperty("spark.scheduler.maxRegisteredResourcesWaitingTime", "90s");
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        SparkTestSettings.clear();
        Stream.of("spark.executor.extraClassPath", "spark.executor.extraJavaOptions", "spark.cores.max",
                "spark.scheduler.minRegisteredResourcesRatio", "spark.scheduler.maxRegisteredResourcesWaitingTime").forEach(System::clearProperty);
        for (int i = PROCESSES.size() - 1; i >= 0; i--) {
            Process process = PROCESSES.get(i);
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        PROCESSES.clear();
    }

    @Test
    void twoWorkersMatchLocalRuns() throws Exception {
        SparkAugmentCommandTest.assertSameAsLocal(SharedData.fixture("cifar10/cifar-10-batches-bin"), "red,bg-random", master,
                Files.createDirectories(cluster.resolve("cifar")));
        SparkAugmentCommandTest.assertSameAsLocal(SharedData.fixture("voc/icevision_voc2012"), "mean,noise-bw", master,
                Files.createDirectories(cluster.resolve("voc")));
        for (int worker = 1; worker <= 2; worker++) {
            try (Stream<Path> apps = Files.list(cluster.resolve("worker-" + worker))) {
                assertTrue(apps.anyMatch(app -> app.getFileName().toString().startsWith("app-")), "worker " + worker + " ran no executor");
            }
        }
    }

    @Test
    void failingSampleIsSkippedOnCluster() throws Exception {
        Path input = SharedData.fixture("voc/icevision_voc2012");
        Path out = cluster.resolve("failing");
        System.setProperty("backdrop.spark.test.failSample", "2007_000063");
        CliRunner.Result run;
        try {
            run = CliRunner.run(SparkAugmentCommandTest.arguments(input, out, "blue", List.of("--engine", "spark", "--master", master)));
        } finally {
            System.clearProperty("backdrop.spark.test.failSample");
        }
        assertEquals(ExitCodes.SKIPPED, run.exitCode(), run.err());
        JsonNode json = run.json();
        String reasons = json.get("skipped").toString();
        assertTrue(reasons.contains("failed in all 4 attempts"), reasons);
        assertTrue(reasons.contains("failure injected for testing on sample 2007_000063"), reasons);
    }

    /** Each executor JVM gets FastestDet through Spark's file server and loads it once; the numbers match a local run. */
    @Test
    void detectorMatchesLocalRunOnCluster() throws Exception {
        Path spec = SparkEvalDetCommandTest.copySpec(Files.createDirectories(cluster.resolve("eval-det")));
        List<String> options = SparkEvalDetCommandTest.arguments(spec, SharedData.fixture("voc/icevision_voc2012"));

        CliRunner.Result localRun = SparkEvalDetCommandTest.run(options);
        CliRunner.Result clusterRun = SparkEvalDetCommandTest.run(options, "--engine", "spark", "--master", master);

        assertEquals(ExitCodes.SUCCESS, localRun.exitCode(), localRun.err());
        assertEquals(localRun.exitCode(), clusterRun.exitCode(), clusterRun.err());
        assertEquals(localRun.json().get("variants"), clusterRun.json().get("variants"));
    }

    private static Process start(String name, Path sparkHome, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_MASTER_HOST", "127.0.0.1");
        builder.redirectErrorStream(true);
        builder.redirectOutput(cluster.resolve(name + ".log").toFile());
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void waitForPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!PROCESSES.get(0).isAlive()) {
                fail("the Spark master ended: " + Files.readString(cluster.resolve("master.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(300);
            }
        }
        fail("the Spark master did not listen on port " + port + " within 60 s");
    }
}
