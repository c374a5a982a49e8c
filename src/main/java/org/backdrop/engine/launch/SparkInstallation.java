package org.backdrop.engine.launch;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Spark installation that Backdrop submits commands to: its folder ({@code SPARK_HOME}, holding
 * {@code bin/spark-submit}), the master URL, the jar to submit and extra Spark settings.
 *
 * @param sparkHome the installation's folder
 * @param master {@code local[N]}, {@code spark://HOST:PORT}, {@code yarn} or {@code k8s://...}
 * @param jobJar the jar to submit; empty for {@value #JOB_JAR} beside Backdrop's own jar
 * @param confLines Spark settings, one {@code spark.KEY=VALUE} each, as {@code spark-submit --conf} takes
 *     them; blank lines and lines starting with {@code #} are ignored
 */
public record SparkInstallation(Path sparkHome, String master, Optional<Path> jobJar, List<String> confLines) {

    /** The file name of the jar that {@code ./mvnw -Pspark package} builds for spark-submit. */
    public static final String JOB_JAR = "backdrop-spark-job.jar";

    public SparkInstallation {
        master = master == null ? "" : master.strip();
        jobJar = jobJar == null ? Optional.empty() : jobJar;
        confLines = List.copyOf(confLines);
    }

    /** Returns the spark-submit program of this installation ({@code spark-submit.cmd} on Windows). */
    public Path sparkSubmit() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return sparkHome.resolve("bin").resolve(windows ? "spark-submit.cmd" : "spark-submit");
    }

    /**
     * Returns what is wrong with these settings, one message per problem, or an empty list when a job can
     * be submitted. The job jar is checked only when given, because the default one is looked up when
     * submitting.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (sparkHome == null || sparkHome.toString().isBlank()) {
            problems.add("No Spark installation folder (SPARK_HOME) is set.");
        } else if (!Files.isRegularFile(sparkSubmit())) {
            problems.add("Spark installation folder " + sparkHome + " has no " + sparkHome.relativize(sparkSubmit())
                    + "; choose the folder that contains bin/ and jars/.");
        }
        if (master.isEmpty()) {
            problems.add("No master URL is set; use local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT.");
        } else if (!validMaster(master)) {
            problems.add("Master URL '" + master + "' is not local, local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT.");
        }
        jobJar.filter(jar -> !Files.isRegularFile(jar))
                .ifPresent(jar -> problems.add("Job jar " + jar + " does not exist; build it with './mvnw -Pspark package'."));
        try {
            conf();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /**
     * Returns the Spark settings of {@link #confLines()} in order.
     *
     * @throws IllegalArgumentException naming the first line that is not {@code spark.KEY=VALUE}
     */
    public Map<String, String> conf() {
        Map<String, String> conf = new LinkedHashMap<>();
        for (int i = 0; i < confLines.size(); i++) {
            String line = confLines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String key = equals < 0 ? line : line.substring(0, equals).strip();
            if (equals < 0 || !key.startsWith("spark.") || key.length() == "spark.".length()) {
                throw new IllegalArgumentException("Spark setting on line " + (i + 1) + " ('" + line
                        + "') is not spark.KEY=VALUE, such as spark.executor.memory=4g.");
            }
            conf.put(key, line.substring(equals + 1).strip());
        }
        return conf;
    }

    /**
     * Returns the jar to submit: {@link #jobJar()} when given, else {@value #JOB_JAR} beside the jar that
     * this class was loaded from.
     *
     * @throws IllegalStateException when the given job jar does not exist, or when none is given and none
     *     lies beside Backdrop's jar, as when running from a build without {@code -Pspark}
     */
    public Path resolveJobJar() {
        if (jobJar.isPresent()) {
            if (!Files.isRegularFile(jobJar.get())) {
                throw new IllegalStateException("Job jar " + jobJar.get() + " does not exist; build it with './mvnw -Pspark package'.");
            }
            return jobJar.get();
        }
        Optional<Path> beside = besideBackdrop();
        if (beside.isPresent() && Files.isRegularFile(beside.get())) {
            return beside.get();
        }
        throw new IllegalStateException("No job jar is set and " + beside.map(Path::toString).orElse(JOB_JAR)
                + " does not exist; build it with './mvnw -Pspark package' or choose the job jar in the Spark settings.");
    }

    /** Returns where {@value #JOB_JAR} would lie beside the jar (or class folder) Backdrop was loaded from. */
    static Optional<Path> besideBackdrop() {
        try {
            CodeSource source = SparkInstallation.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            Path folder = location.getParent();
            return Optional.ofNullable(folder).map(parent -> parent.resolve(JOB_JAR).toAbsolutePath());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean validMaster(String master) {
        return master.matches("local(\\[(\\*|\\d+)(,\\d+)?])?") || master.matches("spark://[^\\s/]+(:\\d+)?(,[^\\s/]+(:\\d+)?)*")
                || master.equals("yarn") || master.matches("k8s://\\S+");
    }
}
