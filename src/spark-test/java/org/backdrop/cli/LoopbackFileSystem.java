package org.backdrop.cli;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Hadoop's local file system under its own scheme, {@code backdroptest://}. Paths with that scheme
 * reach the local disk only through Hadoop's FileSystem API, never through the JVM's default file
 * system, as {@code hdfs://} paths would. Register it with
 * {@code spark.hadoop.fs.backdroptest.impl}.
 */
public class LoopbackFileSystem extends RawLocalFileSystem {

    static final String SCHEME = "backdroptest";

    private static final URI ROOT = URI.create(SCHEME + ":///");

    @Override
    public URI getUri() {
        return ROOT;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /** Returns {@code path} (a local path) as a URI of this file system. */
    static String uri(java.nio.file.Path path) {
        String raw = path.toAbsolutePath().normalize().toUri().getRawPath();
        return SCHEME + "://" + (raw.length() > 1 && raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
    }
}
