package org.backdrop.dataset;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the file and folder names users give (plain paths, {@code file://} URIs, and Hadoop URIs such
 * as {@code hdfs://namenode:8020/data} or {@code s3a://bucket/data}) into {@link Path}s, and back into
 * text that another JVM can parse again.
 *
 * <p>Hadoop URIs become paths of a {@link java.nio.file.FileSystem} over Hadoop's FileSystem API, so
 * the dataset readers and writers work on them unchanged. That file system lives in
 * {@code org.backdrop.engine.spark}, which only a build with {@code -Pspark} contains, so this class
 * reaches it by class name.
 */
public final class FileLocations {

    /** The class that maps a Hadoop URI to a path. It implements {@code Function<URI, Path>}. */
    static final String HADOOP_PATHS = "org.backdrop.engine.spark.HadoopPaths";

    private static final String SPARK_CONF = "org.apache.spark.SparkConf";

    private static final String HADOOP_FILE_SYSTEM = "org.apache.hadoop.fs.FileSystem";

    /** A URI scheme followed by {@code :/}. A scheme of one letter is a Windows drive, as in {@code C:/data}. */
    private static final Pattern URI_WITH_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

    private static volatile Function<URI, Path> hadoopPaths;

    private FileLocations() {}

    /**
     * Parses a path or URI. A name without a scheme is a path of the default file system, as
     * {@link Path#of(String, String...)} reads it.
     *
     * @throws IllegalArgumentException when the URI is malformed, or names a scheme other than
     *     {@code file} in a build without Hadoop; the message names the value and what to do
     */
    public static Path parse(String text) {
        if (!URI_WITH_SCHEME.matcher(text).matches()) {
            return Path.of(text);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URI '" + text + "': " + e.getReason()
                    + "; percent-encode spaces and other reserved characters, or give a plain path", e);
        }
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return Path.of(uri);
        }
        Function<URI, Path> paths = hadoop(text);
        try {
            return paths.apply(uri);
        } catch (LinkageError e) {
            throw new IllegalArgumentException(buildHint(text), e);
        }
    }

    private static String buildHint(String text) {
        return "'" + text + "' is a Hadoop URI, which needs a build that includes Apache Spark and Hadoop:"
                + " build with './mvnw -Pspark package', or give a local path";
    }

    /** Returns true when {@code text} starts with a URI scheme other than {@code file}, such as {@code hdfs://}. */
    public static boolean isRemoteUri(String text) {
        return URI_WITH_SCHEME.matcher(text).matches() && !text.regionMatches(true, 0, "file:", 0, "file:".length());
    }

    /** Returns true when {@code path} belongs to the default (local) file system. */
    public static boolean isLocal(Path path) {
        return path.getFileSystem() == FileSystems.getDefault();
    }

    /**
     * Formats {@code path} as text that {@link #parse} turns into the same location in any JVM: the
     * absolute, normalised path for a local file, and the URI otherwise.
     */
    public static String format(Path path) {
        if (isLocal(path)) {
            return path.toAbsolutePath().normalize().toString();
        }
        return path.toAbsolutePath().normalize().toUri().toString();
    }

    @SuppressWarnings("unchecked")
    private static Function<URI, Path> hadoop(String text) {
        Function<URI, Path> paths = hadoopPaths;
        if (paths != null) {
            return paths;
        }
        ClassLoader loader = FileLocations.class.getClassLoader();
        try {
            // The Spark engine's classes are useless without Spark and Hadoop, so all three must be here.
            Class.forName(SPARK_CONF, false, loader);
            Class.forName(HADOOP_FILE_SYSTEM, false, loader);
            Class<?> type = Class.forName(HADOOP_PATHS, true, loader);
            paths = (Function<URI, Path>) type.getConstructor().newInstance();
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(buildHint(text), e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("cannot open Hadoop's file system for '" + text + "': " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot open Hadoop's file system for '" + text + "': " + e, e);
        }
        hadoopPaths = paths;
        return paths;
    }
}
