package org.backdrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of the options {@code installer/backdrop} gives the JVM, read from a stand-in {@code java} that prints them. */
class LaunchScriptTest {

    private static final String FIRST_TIER = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path temp;

    @Test
    void studioRunsWithFirstTierJit() throws Exception {
        assertTrue(options(Map.of()).contains(FIRST_TIER));
        assertTrue(options(Map.of(), "studio", "data").contains(FIRST_TIER));
    }

    @Test
    void evalDetRunsWithFirstTierJit() throws Exception {
        assertTrue(options(Map.of(), "eval-det", "--gt", "gt.json").contains(FIRST_TIER));
    }

    @Test
    void augmentKeepsOptimisingJit() throws Exception {
        assertFalse(options(Map.of(), "augment", "--in", "data").contains(FIRST_TIER));
    }

    @Test
    void fastStartOffDropsFirstTier() throws Exception {
        assertFalse(options(Map.of("BACKDROP_FAST_START", "0")).contains(FIRST_TIER));
        assertFalse(options(Map.of("BACKDROP_FAST_START", "0"), "studio").contains(FIRST_TIER));
    }

    @Test
    void argumentsFollowTheJar() throws Exception {
        List<String> arguments = options(Map.of(), "studio", "my data");
        int jar = arguments.indexOf("-jar");
        assertEquals(List.of("studio", "my data"), arguments.subList(jar + 2, arguments.size()));
    }

    /** Runs the script with {@code arguments} and returns what the stand-in java received, one item per argument. */
    private List<String> options(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        Path javaHome = temp.resolve("jdk");
        Path java = javaHome.resolve("bin/java");
        if (!Files.exists(java)) {
            Files.createDirectories(java.getParent());
            Files.writeString(java, "#!/bin/sh\nfor argument in \"$@\"; do printf '%s\\n' \"$argument\"; done\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(temp.resolve("backdrop.jar"), "not a jar");
        }
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add("sh");
        builder.command().add(Path.of("installer/backdrop").toAbsolutePath().toString());
        builder.command().addAll(List.of(arguments));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("BACKDROP_JAR", temp.resolve("backdrop.jar").toString());
        builder.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
        builder.environment().remove("BACKDROP_FAST_START");
        builder.environment().remove("BACKDROP_JAVA_OPTS");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().toList();
    }
}
