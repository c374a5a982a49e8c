package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code augment} and {@code masks} on Spark ({@code local[2]}) with {@code --in} and {@code --out} on
 * HDFS: an in-process cluster (one NameNode, one DataNode) on 127.0.0.1. The outputs, copied back
 * from HDFS, must equal a local run's byte for byte.
 */
class SparkHdfsTest {

    private static final String VOC = "voc/icevision_voc2012";

    @TempDir
    static Path clusterFolder;

    @TempDir
    Path folder;

    private static MiniDFSCluster cluster;
    private static FileSystem hdfs;
    private static String root;

    @BeforeAll
    static void startHdfs() throws Exception {
        SparkTestSettings.apply();
        Configuration conf = new HdfsConfiguration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, clusterFolder.toString());
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
        root = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
        hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(SharedData.fixture(VOC).toAbsolutePath().toUri()),
                new org.apache.hadoop.fs.Path("/in/voc"));
    }

    @AfterAll
    static void stopHdfs() {
        SparkTestSettings.clear();
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void augmentOnHdfsMatchesLocalRun() throws Exception {
        Path local = folder.resolve("local");
        List<String> spark = List.of("--engine", "spark", "--master", "local[2]");
        CliRunner.Result localRun = CliRunner.run(augment(SharedData.fixture(VOC).toString(), local.toString(), List.of("--threads", "2")));
        CliRunner.Result hdfsRun = CliRunner.run(augment(root + "/in/voc", root + "/out", spark));

        assertTrue(localRun.exitCode() == 0 || localRun.exitCode() == 3, localRun.err());
        assertEquals(localRun.exitCode(), hdfsRun.exitCode(), hdfsRun.err());
        assertEquals(localRun.json().get("skipped"), hdfsRun.json().get("skipped"));
        assertEquals(root + "/out/manifest.json", hdfsRun.json().get("manifest").asText());
        assertFalse(hdfs.exists(new org.apache.hadoop.fs.Path("/out/.backdrop-work")), "the engine's work folder is left behind");

        // A rerun over the same --out keeps the verified variants: no image is written again.
        List<String> written = modificationTimes("/out");
        CliRunner.Result rerun = CliRunner.run(augment(root + "/in/voc", root + "/out", spark));
        assertEquals(hdfsRun.exitCode(), rerun.exitCode(), rerun.err());
        assertEquals(written, modificationTimes("/out"), "a rerun wrote images again");

        Path copied = folder.resolve("copied");
        hdfs.copyToLocalFile(false, new org.apache.hadoop.fs.Path("/out"), new org.apache.hadoop.fs.Path(copied.toUri()), true);
        // The manifest records where the input and each source image were read; only that location differs.
        Path manifest = copied.resolve("manifest.json");
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        assertTrue(text.contains(root + "/in/voc"), "the manifest should record the input's URI");
        Files.writeString(manifest, text.replace(root + "/in/voc", SharedData.fixture(VOC).toAbsolutePath().normalize().toString()),
                StandardCharsets.UTF_8);
        OutputTrees.assertSameBytes(local, copied);
    }

    @Test
    void masksOnHdfsMatchLocalRun() throws Exception {
        Path local = folder.resolve("local.json");
        CliRunner.Result localRun = CliRunner.run("masks", "--in", SharedData.fixture(VOC).toString(), "--out", local.toString(),
                "--source", "annotations", "--json");
        CliRunner.Result hdfsRun = CliRunner.run("masks", "--in", root + "/in/voc", "--out", root + "/masks/voc.json",
                "--source", "annotations", "--json", "--engine", "spark", "--master", "local[2]");

        assertEquals(localRun.exitCode(), hdfsRun.exitCode(), hdfsRun.err());
        assertTrue(localRun.json().get("masks").asInt() > 0, localRun.out());
        assertEquals(localRun.json().get("skipped"), hdfsRun.json().get("skipped"));
        byte[] written;
        try (var in = hdfs.open(new org.apache.hadoop.fs.Path("/masks/voc.json"))) {
            written = in.readAllBytes();
        }
        assertArrayEquals(Files.readAllBytes(local), written);
    }

    /** Returns "path modification-time" for each PNG under {@code dir}, in path order. */
    private static List<String> modificationTimes(String dir) throws Exception {
        List<String> times = new ArrayList<>();
        var files = hdfs.listFiles(new org.apache.hadoop.fs.Path(dir), true);
        while (files.hasNext()) {
            FileStatus status = files.next();
            if (status.getPath().getName().endsWith(".png")) {
                times.add(status.getPath() + " " + status.getModificationTime());
            }
        }
        assertFalse(times.isEmpty(), "no images under " + dir);
        times.sort(null);
        return times;
    }

    private static String[] augment(String input, String out, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("augment", "--in", input, "--out", out, "--backgrounds", "red,bg-random", "--seed", "11", "--json"));
        args.addAll(extra);
        return args.toArray(String[]::new);
    }
}
