package org.backdrop.engine.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.backdrop.augment.AugmentEngine;
import org.backdrop.engine.DistributedEngine;
import org.backdrop.eval.classification.ClassificationEngine;
import org.backdrop.eval.detection.DetectionEngine;
import org.backdrop.segment.MaskEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens Backdrop's Apache Spark engine: one Spark application per command, on the master the user
 * names. {@code org.backdrop.engine.Engines} calls it by name.
 *
 * <p>Spark retries a failed task up to {@code spark.task.maxFailures} times (4 unless set). Spark's
 * {@code local[N]} master never retries, so it is run as {@code local[N,MAX_FAILURES]}, which is the
 * same master with retries.
 */
public final class SparkEngine implements Function<String, DistributedEngine> {

    private static final Logger LOG = LoggerFactory.getLogger(SparkEngine.class);

    /** The file name of the jar built for spark-submit; it is shipped to executors when found beside this class's jar. */
    static final String JOB_JAR = "backdrop-spark-job.jar";

    private static final Pattern LOCAL_WITHOUT_RETRIES = Pattern.compile("local\\[(\\d+|\\*)\\]");

    @Override
    public DistributedEngine apply(String master) {
        SparkConf conf = new SparkConf().setAppName("backdrop");
        String chosen = master != null ? master : conf.get("spark.master", "local[*]");
        int maxFailures = conf.getInt("spark.task.maxFailures", 4);
        conf.setMaster(withRetries(chosen, maxFailures));
        if (!chosen.startsWith("local")) {
            jobJar().ifPresent(jar -> {
                LOG.info("Shipping {} to the executors", jar);
                conf.setJars(new String[] {jar.toString()});
            });
        }
        LOG.info("Starting Spark on {}", conf.get("spark.master"));
        JavaSparkContext context = new JavaSparkContext(conf);
        return new SparkApplication(context, maxFailures);
    }

    /** Turns {@code local[N]}, which Spark never retries, into {@code local[N,maxFailures]}. */
    static String withRetries(String master, int maxFailures) {
        Matcher matcher = LOCAL_WITHOUT_RETRIES.matcher(master.strip());
        if (matcher.matches() && maxFailures > 1) {
            return "local[" + matcher.group(1) + "," + maxFailures + "]";
        }
        return master.strip();
    }

    /** Finds the spark-submit jar beside the jar this class was loaded from, when running from a build's target folder. */
    private static java.util.Optional<Path> jobJar() {
        try {
            var source = SparkEngine.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return java.util.Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            if (location.getFileName().toString().equals(JOB_JAR)) {
                return java.util.Optional.empty();
            }
            Path candidate = (Files.isDirectory(location) ? location : location.getParent()).resolve(JOB_JAR);
            return Files.isRegularFile(candidate) ? java.util.Optional.of(candidate.toAbsolutePath()) : java.util.Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            LOG.debug("Cannot tell where Backdrop's classes come from: {}", e.toString());
            return java.util.Optional.empty();
        }
    }

    /** A running Spark application. */
    private static final class SparkApplication implements DistributedEngine {

        private final JavaSparkContext context;
        private final SparkAugmentEngine augment;
        private final SparkMaskEngine masks;
        private final SparkClassificationEngine classification;
        private final SparkDetectionEngine detection;

        SparkApplication(JavaSparkContext context, int maxFailures) {
            this.context = context;
            this.augment = new SparkAugmentEngine(context, maxFailures);
            this.masks = new SparkMaskEngine(context, maxFailures);
            this.classification = new SparkClassificationEngine(context, maxFailures);
            this.detection = new SparkDetectionEngine(context, maxFailures);
        }

        @Override
        public AugmentEngine augment() {
            return augment;
        }

        @Override
        public MaskEngine masks() {
            return masks;
        }

        @Override
        public ClassificationEngine classification() {
            return classification;
        }

        @Override
        public DetectionEngine detection() {
            return detection;
        }

        @Override
        public void close() {
            context.close();
        }

        @Override
        public String toString() {
            return "Spark on " + context.master();
        }
    }
}
