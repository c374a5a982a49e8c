package org.backdrop.engine;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Chooses where a command's per-sample work runs: {@code local}, on this JVM's threads, or
 * {@code spark}, as an Apache Spark application. The Spark engine lives in
 * {@code org.backdrop.engine.spark}, which only a build with {@code -Pspark} contains together with
 * Spark itself; this class reaches it by name so that the default build needs no Spark.
 */
public final class Engines {

    /** The engine names {@code --engine} accepts. */
    public enum Kind {
        LOCAL, SPARK;

        /** Parses {@code local} or {@code spark}, ignoring case. */
        public static Kind parse(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown engine '" + name + "'; expected local or spark", e);
            }
        }
    }

    /** The class that opens the Spark engine; it takes the master URL. */
    static final String SPARK_OPENER = "org.backdrop.engine.spark.SparkEngine";

    /** A class every Spark installation has, to tell a build without Spark apart. */
    static final String SPARK_CORE_CLASS = "org.apache.spark.SparkContext";

    /** Says how to get a build with Spark; the message for {@code --engine spark} in a build without it. */
    public static final String BUILD_HINT = "--engine spark needs a build that includes Apache Spark: build with './mvnw -Pspark package'"
            + " and run target/backdrop.jar, or submit target/backdrop-spark-job.jar with spark-submit";

    private Engines() {}

    /** Returns true when this JVM can run the Spark engine. */
    public static boolean sparkAvailable() {
        ClassLoader loader = Engines.class.getClassLoader();
        return present(SPARK_CORE_CLASS, loader) && present(SPARK_OPENER, loader);
    }

    /**
     * Starts a Spark application on {@code master} ({@code local[N]}, {@code spark://HOST:PORT},
     * {@code yarn}, {@code k8s://...}); null takes the master that spark-submit set, else {@code local[*]}.
     *
     * @throws EngineUnavailableException when this build has no Spark, or Spark cannot start
     */
    @SuppressWarnings("unchecked")
    public static DistributedEngine spark(String master) throws EngineUnavailableException {
        if (!sparkAvailable()) {
            throw new EngineUnavailableException(BUILD_HINT);
        }
        try {
            Class<?> opener = Class.forName(SPARK_OPENER, true, Engines.class.getClassLoader());
            Function<String, DistributedEngine> open = (Function<String, DistributedEngine>) opener.getConstructor().newInstance();
            return open.apply(master);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
            throw new EngineUnavailableException("Spark could not start: " + cause, cause);
        } catch (RuntimeException e) {
            throw new EngineUnavailableException("Spark could not start on master " + master + ": " + e.getMessage(), e);
        }
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
