package org.backdrop.engine.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;

/**
 * The {@link FileSystemProvider} for one Hadoop scheme: it carries out {@link java.nio.file.Files}
 * operations on {@link HadoopNioPath}s through Hadoop's FileSystem API, so the dataset readers and
 * writers, written against {@link Path}, run unchanged on {@code hdfs://}, {@code s3a://} and the
 * other stores Hadoop reaches.
 *
 * <p>It is not registered as an installed provider, because Spark loads Backdrop's classes in a class
 * loader that {@link java.nio.file.FileSystems} does not search on executors.
 * {@code org.backdrop.dataset.FileLocations} creates the paths instead.
 *
 * <p>What Hadoop stores lack: symbolic links, file stores, POSIX attributes, watching, and
 * {@link java.nio.channels.FileChannel}s (so no memory mapping). Files are written as streams: a
 * writable channel only appends, as HDFS does.
 */
final class HadoopNioProvider extends FileSystemProvider {

    private final String scheme;

    HadoopNioProvider(String scheme) {
        this.scheme = scheme;
    }

    HadoopNioFileSystem fileSystem(String authority) {
        return new HadoopNioFileSystem(this, authority);
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        return getFileSystem(uri);
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        return HadoopPaths.fileSystem(uri);
    }

    @Override
    public Path getPath(URI uri) {
        return new HadoopPaths().apply(uri);
    }

    private static HadoopNioPath cast(Path path) {
        if (!(path instanceof HadoopNioPath hadoopPath)) {
            throw new ProviderMismatchException(path + " is not a Hadoop path");
        }
        return hadoopPath;
    }

    private static org.apache.hadoop.fs.FileSystem hadoop(Path path) throws IOException {
        return cast(path).getFileSystem().hadoop();
    }

    private static org.apache.hadoop.fs.Path hadoopPath(Path path) {
        return ((HadoopNioPath) cast(path).toAbsolutePath().normalize()).toHadoop();
    }

    /** Returns the file's status, or throws {@link NoSuchFileException} naming {@code path}. */
    private static FileStatus status(Path path) throws IOException {
        try {
            return hadoop(path).getFileStatus(hadoopPath(path));
        } catch (FileNotFoundException e) {
            throw noSuchFile(path, e);
        }
    }

    private static boolean exists(Path path) throws IOException {
        return hadoop(path).exists(hadoopPath(path));
    }

    private static NoSuchFileException noSuchFile(Path path, Exception cause) {
        NoSuchFileException missing = new NoSuchFileException(path.toString());
        missing.initCause(cause);
        return missing;
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        for (OpenOption option : options) {
            if (option == StandardOpenOption.WRITE || option == StandardOpenOption.APPEND) {
                throw new UnsupportedOperationException("option " + option + " is not allowed for an input stream");
            }
        }
        try {
            return hadoop(path).open(hadoopPath(path));
        } catch (FileNotFoundException e) {
            throw noSuchFile(path, e);
        }
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        Set<OpenOption> set = options.length == 0
                ? Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)
                : Set.of(options);
        return openForWriting(path, set);
    }

    private static OutputStream openForWriting(Path path, Set<? extends OpenOption> options) throws IOException {
        org.apache.hadoop.fs.FileSystem fs = hadoop(path);
        org.apache.hadoop.fs.Path target = hadoopPath(path);
        boolean exists = fs.exists(target);
        if (options.contains(StandardOpenOption.CREATE_NEW) && exists) {
            throw new FileAlreadyExistsException(path.toString());
        }
        boolean create = options.contains(StandardOpenOption.CREATE) || options.contains(StandardOpenOption.CREATE_NEW);
        if (!exists && !create) {
            throw new NoSuchFileException(path.toString());
        }
        if (exists && fs.getFileStatus(target).isDirectory()) {
            throw new FileAlreadyExistsException(path.toString(), null, "is a folder");
        }
        if (options.contains(StandardOpenOption.APPEND)) {
            return exists ? fs.append(target) : fs.create(target, false);
        }
        if (exists && !options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            throw new UnsupportedOperationException(path + ": Hadoop file systems cannot overwrite a file in place; open it with TRUNCATE_EXISTING");
        }
        return fs.create(target, true);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
            throws IOException {
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            return new WriteChannel(Channels.newChannel(openForWriting(path, options)));
        }
        long size = status(path).getLen();
        return new ReadChannel((FSDataInputStream) newInputStream(path), size);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        FileStatus[] listed;
        try {
            listed = hadoop(dir).listStatus(hadoopPath(dir));
        } catch (FileNotFoundException e) {
            throw noSuchFile(dir, e);
        }
        if (listed.length == 1 && !status(dir).isDirectory()) {
            throw new java.nio.file.NotDirectoryException(dir.toString());
        }
        List<Path> entries = new ArrayList<>();
        for (FileStatus child : listed) {
            Path entry = dir.resolve(child.getPath().getName());
            if (filter.accept(entry)) {
                entries.add(entry);
            }
        }
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                return entries.iterator();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attributes) throws IOException {
        if (exists(dir)) {
            throw new FileAlreadyExistsException(dir.toString());
        }
        if (!hadoop(dir).mkdirs(hadoopPath(dir))) {
            throw new IOException("cannot create the folder " + dir);
        }
    }

    @Override
    public void delete(Path path) throws IOException {
        FileStatus status = status(path);
        org.apache.hadoop.fs.FileSystem fs = hadoop(path);
        if (status.isDirectory() && fs.listStatus(status.getPath()).length > 0) {
            throw new DirectoryNotEmptyException(path.toString());
        }
        if (!fs.delete(hadoopPath(path), false)) {
            throw new IOException("cannot delete " + path);
        }
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        FileStatus status = status(source);
        prepareTarget(target, options);
        if (status.isDirectory()) {
            createDirectory(target);
            return;
        }
        try (InputStream in = newInputStream(source); OutputStream out = hadoop(target).create(hadoopPath(target), false)) {
            in.transferTo(out);
        }
    }

    /**
     * Renames {@code source} with Hadoop's rename. On HDFS a rename to a free name is atomic. With
     * {@code REPLACE_EXISTING} an existing target is deleted first, so a reader may briefly find no
     * file under the target name; {@code ATOMIC_MOVE} is accepted with that caveat. On S3, Hadoop's
     * s3a connector renames by copying.
     */
    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        status(source);
        prepareTarget(target, options);
        if (!hadoop(source).rename(hadoopPath(source), hadoopPath(target))) {
            throw new IOException("cannot rename " + source + " to " + target);
        }
    }

    private void prepareTarget(Path target, CopyOption... options) throws IOException {
        if (!exists(target)) {
            return;
        }
        if (!Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        delete(target);
    }

    @Override
    public boolean isSameFile(Path path, Path other) {
        return path.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
    }

    /** Returns true for names that start with a dot, as on Unix. */
    @Override
    public boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) {
        throw new UnsupportedOperationException("file stores are not supported on " + scheme + "://");
    }

    /** Checks that the file exists. NOTE: permissions are not checked; a read or write that Hadoop denies fails then. */
    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        if (!exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class) {
            return null;
        }
        return (V) new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return HadoopNioProvider.this.readAttributes(path, BasicFileAttributes.class);
            }

            @Override
            public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) {
                throw new UnsupportedOperationException("setting times is not supported on " + scheme + "://");
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
        if (type != BasicFileAttributes.class) {
            throw new UnsupportedOperationException(type.getSimpleName() + " is not supported on " + scheme + "://; only basic attributes are");
        }
        return (A) new Attributes(status(path));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        String names = attributes.startsWith("basic:") ? attributes.substring("basic:".length()) : attributes;
        if (names.contains(":")) {
            throw new UnsupportedOperationException("only basic attributes are supported on " + scheme + "://, not " + attributes);
        }
        Attributes read = new Attributes(status(path));
        Map<String, Object> all = new HashMap<>();
        all.put("size", read.size());
        all.put("lastModifiedTime", read.lastModifiedTime());
        all.put("lastAccessTime", read.lastAccessTime());
        all.put("creationTime", read.creationTime());
        all.put("isRegularFile", read.isRegularFile());
        all.put("isDirectory", read.isDirectory());
        all.put("isSymbolicLink", false);
        all.put("isOther", false);
        all.put("fileKey", null);
        if (names.equals("*")) {
            return all;
        }
        Map<String, Object> chosen = new HashMap<>();
        for (String name : names.split(",")) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("unknown basic attribute '" + name + "'");
            }
            chosen.put(name, all.get(name));
        }
        return chosen;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new UnsupportedOperationException("setting attributes is not supported on " + scheme + "://");
    }

    /** The basic attributes Hadoop's FileStatus carries. */
    private record Attributes(FileStatus status) implements BasicFileAttributes {

        @Override
        public FileTime lastModifiedTime() {
            return FileTime.fromMillis(status.getModificationTime());
        }

        @Override
        public FileTime lastAccessTime() {
            return FileTime.fromMillis(status.getAccessTime());
        }

        @Override
        public FileTime creationTime() {
            return lastModifiedTime();
        }

        @Override
        public boolean isRegularFile() {
            return status.isFile();
        }

        @Override
        public boolean isDirectory() {
            return status.isDirectory();
        }

        @Override
        public boolean isSymbolicLink() {
            return false;
        }

        @Override
        public boolean isOther() {
            return false;
        }

        @Override
        public long size() {
            return status.getLen();
        }

        @Override
        public Object fileKey() {
            return null;
        }
    }

    /** A read-only channel over a Hadoop input stream, which can seek. */
    private static final class ReadChannel implements SeekableByteChannel {

        private final FSDataInputStream in;
        private final long size;
        private final ReadableByteChannel reader;
        private boolean open = true;

        ReadChannel(FSDataInputStream in, long size) {
            this.in = in;
            this.size = size;
            this.reader = Channels.newChannel(in);
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            return reader.read(destination);
        }

        @Override
        public int write(ByteBuffer source) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() throws IOException {
            return in.getPos();
        }

        @Override
        public SeekableByteChannel position(long position) throws IOException {
            in.seek(position);
            return this;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            open = false;
            reader.close();
        }
    }

    /** A write-only channel that appends to a Hadoop output stream; Hadoop files cannot be written at other positions. */
    private static final class WriteChannel implements SeekableByteChannel {

        private final WritableByteChannel writer;
        private long position;

        WriteChannel(WritableByteChannel writer) {
            this.writer = writer;
        }

        @Override
        public int read(ByteBuffer destination) {
            throw new NonReadableChannelException();
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            int written = writer.write(source);
            position += written;
            return written;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            if (newPosition != position) {
                throw new UnsupportedOperationException("Hadoop files are written from start to end; cannot move to byte " + newPosition);
            }
            return this;
        }

        @Override
        public long size() {
            return position;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException("Hadoop files cannot be truncated while written");
        }

        @Override
        public boolean isOpen() {
            return writer.isOpen();
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
