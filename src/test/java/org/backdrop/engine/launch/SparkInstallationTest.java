package org.backdrop.engine.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkInstallationTest {

    @TempDir
    Path folder;

    private Path sparkHome() throws IOException {
        Path home = folder.resolve("spark");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/spark-submit"), "#!/bin/sh\n");
        Files.writeString(home.resolve("bin/spark-submit.cmd"), "@echo off\n");
        return home;
    }

    @Test
    void completeSettingsHaveNoProblems() throws IOException {
        for (String master : List.of("local", "local[2]", "local[*]", "local[4,3]", "spark://host:7077", "spark://a:7077,b:7077", "yarn",
                "k8s://https://api:6443")) {
            SparkInstallation installation = new SparkInstallation(sparkHome(), master, Optional.empty(), List.of("spark.executor.memory=4g"));
            assertEquals(List.of(), installation.problems(), master);
        }
    }

    @Test
    void missingPiecesAreEachReported() {
        SparkInstallation installation = new SparkInstallation(folder, "mesos://host", Optional.of(folder.resolve("job.jar")),
                List.of("executor.memory=4g"));

        List<String> problems = installation.problems();

        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("spark-submit"), problems.get(0));
        assertTrue(problems.get(1).contains("mesos://host"), problems.get(1));
        assertTrue(problems.get(2).contains("job.jar"), problems.get(2));
        assertTrue(problems.get(3).contains("line 1"), problems.get(3));
    }

    @Test
    void blankMasterIsReported() throws IOException {
        List<String> problems = new SparkInstallation(sparkHome(), " ", Optional.empty(), List.of()).problems();

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("No master URL"), problems.get(0));
    }

    @Test
    void confSkipsCommentsAndKeepsEqualsInValues() throws IOException {
        SparkInstallation installation = new SparkInstallation(sparkHome(), "yarn", Optional.empty(),
                List.of("# memory", "", " spark.executor.memory = 4g ", "spark.executor.extraJavaOptions=-Da=b"));

        assertEquals(Map.of("spark.executor.memory", "4g", "spark.executor.extraJavaOptions", "-Da=b"), installation.conf());
    }

    @Test
    void confLineWithoutValueIsRejected() throws IOException {
        SparkInstallation installation = new SparkInstallation(sparkHome(), "yarn", Optional.empty(), List.of("spark.a=1", "spark.b"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, installation::conf);
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void givenJobJarIsUsed() throws IOException {
        Path jar = Files.writeString(folder.resolve("job.jar"), "");
        SparkInstallation installation = new SparkInstallation(sparkHome(), "yarn", Optional.of(jar), List.of());

        assertEquals(jar, installation.resolveJobJar());
    }
}
