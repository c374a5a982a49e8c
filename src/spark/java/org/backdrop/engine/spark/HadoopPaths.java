package org.backdrop.engine.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/**
 * Maps Hadoop URIs ({@code hdfs://}, {@code s3a://} and any other scheme Hadoop has a FileSystem for)
 * to {@link Path}s of a {@link HadoopNioFileSystem}, one per scheme and authority in this JVM.
 * {@code org.backdrop.dataset.FileLocations} calls it by class name, on the driver and on executors.
 */
public final class HadoopPaths implements Function<URI, Path> {

    private static final ConcurrentMap<String, HadoopNioFileSystem> FILE_SYSTEMS = new ConcurrentHashMap<>();

    /**
     * Returns the path {@code uri} names, after opening Hadoop's FileSystem for it, so that a missing
     * connector or a bad setting is reported here rather than as a file that seems to be missing.
     *
     * @throws IllegalArgumentException when Hadoop cannot open a file system for the URI
     */
    @Override
    public Path apply(URI uri) {
        HadoopNioFileSystem fileSystem = fileSystem(uri);
        try {
            fileSystem.hadoop();
        } catch (IOException | RuntimeException e) {
            String hint = e instanceof UnsupportedFileSystemException
                    ? "; put the scheme's Hadoop connector on the class path (for s3a://, the hadoop-aws jar of the same Hadoop version)"
                    : "; check the spark.hadoop.* settings for this file system";
            throw new IllegalArgumentException("cannot open " + fileSystem + " through Hadoop: " + e.getMessage() + hint, e);
        }
        return fileSystem.getPath(uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath());
    }

    /** Returns the file system for {@code uri}'s scheme and authority, creating it on first use. */
    static HadoopNioFileSystem fileSystem(URI uri) {
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("'" + uri + "' has no scheme; expected a URI such as hdfs://namenode:8020/data");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        return FILE_SYSTEMS.computeIfAbsent(scheme + "://" + authority,
                key -> new HadoopNioProvider(scheme).fileSystem(authority));
    }

    /**
     * Returns the Hadoop settings for this JVM: Spark's {@code spark.hadoop.*} entries over Hadoop's
     * defaults. Spark's settings come from the running application, or, before it starts, from the
     * {@code spark.*} system properties that spark-submit sets.
     */
    static Configuration configuration() {
        Configuration configuration = new Configuration();
        SparkEnv env = SparkEnv.get();
        SparkConf conf = env != null ? env.conf() : new SparkConf();
        for (Tuple2<String, String> entry : conf.getAllWithPrefix("spark.hadoop.")) {
            configuration.set(entry._1(), entry._2());
        }
        return configuration;
    }
}
