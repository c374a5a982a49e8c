package org.backdrop.engine.spark;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;

/**
 * One Hadoop file system (a scheme and an authority, such as {@code hdfs://namenode:8020}) seen as
 * a {@link FileSystem}. The Hadoop FileSystem behind it is opened on first use, with the settings
 * {@link HadoopPaths#configuration()} gives at that moment, and then kept for the life of the JVM.
 */
final class HadoopNioFileSystem extends FileSystem {

    private final HadoopNioProvider provider;
    private final String authority;
    private volatile org.apache.hadoop.fs.FileSystem hadoop;

    HadoopNioFileSystem(HadoopNioProvider provider, String authority) {
        this.provider = provider;
        this.authority = authority;
    }

    String scheme() {
        return provider.getScheme();
    }

    String authority() {
        return authority;
    }

    /** Returns Hadoop's FileSystem for this scheme and authority, opening it on first use. */
    org.apache.hadoop.fs.FileSystem hadoop() throws IOException {
        org.apache.hadoop.fs.FileSystem opened = hadoop;
        if (opened == null) {
            synchronized (this) {
                opened = hadoop;
                if (opened == null) {
                    opened = org.apache.hadoop.fs.FileSystem.get(getPath("/").toUri(), HadoopPaths.configuration());
                    hadoop = opened;
                }
            }
        }
        return opened;
    }

    @Override
    public HadoopNioProvider provider() {
        return provider;
    }

    /** Does nothing: the Hadoop FileSystem is shared in the JVM through Hadoop's own cache and closes when the JVM ends. */
    @Override
    public void close() {
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(getPath("/"));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    @Override
    public HadoopNioPath getPath(String first, String... more) {
        StringBuilder joined = new StringBuilder(first);
        for (String part : more) {
            if (!part.isEmpty()) {
                joined.append('/').append(part);
            }
        }
        return new HadoopNioPath(this, joined.toString());
    }

    /** Returns the default file system's matcher, which matches on {@link Path#toString()} and so works for these paths too. */
    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        return FileSystems.getDefault().getPathMatcher(syntaxAndPattern);
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("user principals are not supported on " + scheme() + "://");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("watching folders is not supported on " + scheme() + "://");
    }

    @Override
    public String toString() {
        return scheme() + "://" + authority;
    }
}
