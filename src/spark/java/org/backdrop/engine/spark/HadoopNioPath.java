package org.backdrop.engine.spark;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A path in a {@link HadoopNioFileSystem}: {@code /}-separated names, absolute when it starts with
 * {@code /}. An absolute path prints as its full URI ({@code hdfs://namenode:8020/data/a.png}), so
 * messages and JSON output name the file system too; a relative one prints as its names.
 */
final class HadoopNioPath implements Path {

    private final HadoopNioFileSystem fileSystem;
    private final boolean absolute;
    private final List<String> names;

    HadoopNioPath(HadoopNioFileSystem fileSystem, String path) {
        this(fileSystem, path.startsWith("/"), split(path));
    }

    private HadoopNioPath(HadoopNioFileSystem fileSystem, boolean absolute, List<String> names) {
        this.fileSystem = fileSystem;
        this.absolute = absolute;
        this.names = List.copyOf(names);
    }

    private static List<String> split(String path) {
        return Arrays.stream(path.split("/")).filter(name -> !name.isEmpty()).toList();
    }

    /** Returns the path as Hadoop's FileSystem API names it. */
    org.apache.hadoop.fs.Path toHadoop() {
        return new org.apache.hadoop.fs.Path(toUri());
    }

    /** Returns the path part of the URI: {@code /a/b} when absolute, {@code a/b} when relative. */
    String pathText() {
        return (absolute ? "/" : "") + String.join("/", names);
    }

    @Override
    public HadoopNioFileSystem getFileSystem() {
        return fileSystem;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public Path getRoot() {
        return absolute ? new HadoopNioPath(fileSystem, true, List.of()) : null;
    }

    @Override
    public Path getFileName() {
        return names.isEmpty() ? null : new HadoopNioPath(fileSystem, false, List.of(names.get(names.size() - 1)));
    }

    @Override
    public Path getParent() {
        if (names.isEmpty() || (!absolute && names.size() == 1)) {
            return null;
        }
        return new HadoopNioPath(fileSystem, absolute, names.subList(0, names.size() - 1));
    }

    @Override
    public int getNameCount() {
        return names.size();
    }

    @Override
    public Path getName(int index) {
        return new HadoopNioPath(fileSystem, false, List.of(names.get(index)));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return new HadoopNioPath(fileSystem, false, names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof HadoopNioPath path) || !path.fileSystem.equals(fileSystem) || path.absolute != absolute) {
            return false;
        }
        return path.names.size() <= names.size() && names.subList(0, path.names.size()).equals(path.names);
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof HadoopNioPath path) || !path.fileSystem.equals(fileSystem)) {
            return false;
        }
        if (path.absolute) {
            return equals(path);
        }
        return path.names.size() <= names.size() && names.subList(names.size() - path.names.size(), names.size()).equals(path.names);
    }

    @Override
    public Path normalize() {
        List<String> normalized = new ArrayList<>();
        for (String name : names) {
            if (name.equals(".")) {
                continue;
            }
            boolean canGoUp = !normalized.isEmpty() && !normalized.get(normalized.size() - 1).equals("..");
            if (name.equals("..") && canGoUp) {
                normalized.remove(normalized.size() - 1);
            } else if (!(name.equals("..") && absolute && normalized.isEmpty())) {
                normalized.add(name);
            }
        }
        return new HadoopNioPath(fileSystem, absolute, normalized);
    }

    @Override
    public Path resolve(Path other) {
        HadoopNioPath path = cast(other);
        if (path.absolute) {
            return path;
        }
        List<String> joined = new ArrayList<>(names);
        joined.addAll(path.names);
        return new HadoopNioPath(fileSystem, absolute, joined);
    }

    @Override
    public Path resolve(String other) {
        return resolve(fileSystem.getPath(other));
    }

    /** Relativizes the normalised paths, as the JDK's Unix paths do. */
    @Override
    public Path relativize(Path other) {
        HadoopNioPath path = (HadoopNioPath) cast(other).normalize();
        if (path.absolute != absolute) {
            throw new IllegalArgumentException("cannot relativize " + other + " against " + this + ": one is absolute, the other relative");
        }
        List<String> names = ((HadoopNioPath) normalize()).names;
        int common = 0;
        while (common < names.size() && common < path.names.size() && names.get(common).equals(path.names.get(common))) {
            common++;
        }
        if (names.subList(common, names.size()).contains("..")) {
            throw new IllegalArgumentException("cannot relativize " + other + " against " + this + ", whose names climb with '..'");
        }
        List<String> relative = new ArrayList<>();
        for (int i = common; i < names.size(); i++) {
            relative.add("..");
        }
        relative.addAll(path.names.subList(common, path.names.size()));
        return new HadoopNioPath(fileSystem, false, relative);
    }

    @Override
    public URI toUri() {
        try {
            // Built by hand so that an empty authority still gives scheme:///path, as Hadoop writes it.
            String rawPath = new URI(null, null, "/" + String.join("/", names), null).getRawPath();
            return new URI(fileSystem.scheme() + "://" + fileSystem.authority() + rawPath);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot form a URI from " + this + ": " + e.getMessage(), e);
        }
    }

    /** Returns the path from the file system's root: Hadoop's URIs carry no working folder, so a relative path starts at the root. */
    @Override
    public Path toAbsolutePath() {
        return absolute ? this : new HadoopNioPath(fileSystem, true, names);
    }

    /** Returns the absolute, normalised path after checking that it exists; Hadoop stores have no symbolic links to follow here. */
    @Override
    public Path toRealPath(LinkOption... options) throws java.io.IOException {
        Path real = toAbsolutePath().normalize();
        fileSystem.provider().checkAccess(real);
        return real;
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("watching folders is not supported on " + fileSystem.scheme() + "://");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(cast(other).toString());
    }

    private HadoopNioPath cast(Path other) {
        if (!(other instanceof HadoopNioPath path) || !path.fileSystem.equals(fileSystem)) {
            throw new ProviderMismatchException(other + " is not on " + fileSystem);
        }
        return path;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HadoopNioPath path && path.fileSystem.equals(fileSystem) && path.absolute == absolute && path.names.equals(names);
    }

    @Override
    public int hashCode() {
        return fileSystem.hashCode() * 31 + pathText().hashCode();
    }

    @Override
    public String toString() {
        return absolute ? toUri().toString() : pathText();
    }
}
