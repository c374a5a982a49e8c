package org.backdrop.augment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A SHA-256 checksum of a dataset as the manifest records it: the full contents of every file that is
 * not an image (annotations, CIFAR batches, mask PNGs count as images), and the relative path and size of
 * every image. Hashing only the sizes of images keeps the checksum fast for large photo datasets; a
 * changed image of the same size goes unnoticed.
 */
public final class SourceChecksum {

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "webp");

    private SourceChecksum() {}

    /** Returns {@code sha256:<hex>} over {@code input} (a file or folder) and, when different, {@code root}. */
    public static String of(Path input, Path root) throws IOException {
        MessageDigest digest = sha256();
        hashTree(input.toAbsolutePath().normalize(), digest);
        Path normalizedRoot = root.toAbsolutePath().normalize();
        if (!normalizedRoot.equals(input.toAbsolutePath().normalize())) {
            hashTree(normalizedRoot, digest);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void hashTree(Path top, MessageDigest digest) throws IOException {
        if (Files.isRegularFile(top)) {
            hashFile(top, top.getFileName().toString(), digest);
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(top)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            hashFile(file, top.relativize(file).toString().replace('\\', '/'), digest);
        }
    }

    private static void hashFile(Path file, String name, MessageDigest digest) throws IOException {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        String lower = name.toLowerCase(Locale.ROOT);
        String extension = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
        if (IMAGE_EXTENSIONS.contains(extension)) {
            digest.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }
}
