package org.backdrop.dataset.coco;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.SafePaths;

/** Location rules of a COCO dataset: the annotation file for a given path, and the image root. */
final class CocoLayout {

    /** File names that a folder's annotation file may have. */
    private static final Pattern ANNOTATION_FILE = Pattern.compile("(annotations.*|instances_.*)\\.json", Pattern.CASE_INSENSITIVE);

    /** {@code instances_<split>.json}, as in COCO's own downloads. */
    private static final Pattern SPLIT_FILE = Pattern.compile("instances_(.+)\\.json", Pattern.CASE_INSENSITIVE);

    private static final Set<String> COCO_KEYS = Set.of("images", "annotations", "categories");

    /** How far into a file {@link #looksLikeCoco} reads before it gives up, in bytes. */
    private static final long SNIFF_LIMIT_BYTES = 1 << 20;

    /** How many image file names {@link #imageRoot} looks for in each candidate folder. */
    private static final int PROBED_IMAGES = 16;

    private CocoLayout() {}

    /**
     * Returns the annotation file for {@code path}: the path itself when it is a file, otherwise the one
     * file in the folder whose name matches {@code annotations*.json} or {@code instances_*.json}.
     *
     * @throws DatasetException when the path does not exist, or the folder contains no such file or several
     */
    static Path annotationFile(Path path) throws DatasetException {
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (!Files.isDirectory(path)) {
            throw new DatasetException(path + " was not found; pass a COCO annotation file or the folder that contains it");
        }
        List<Path> candidates = candidateFiles(path);
        if (candidates.isEmpty()) {
            throw new DatasetException(path + " contains no COCO annotation file: expected one file named annotations*.json or "
                    + "instances_*.json. Pass the annotation file itself if it is named otherwise.");
        }
        if (candidates.size() > 1) {
            List<String> names = candidates.stream().map(candidate -> candidate.getFileName().toString()).toList();
            throw new DatasetException(path + " contains several COCO annotation files " + names + "; pass the one to read");
        }
        return candidates.get(0);
    }

    /**
     * Returns true when {@code path} is a COCO annotation file, or a folder that contains exactly one file
     * named {@code annotations*.json} or {@code instances_*.json} that is one. A file counts when it
     * ends in {@code .json} and is a JSON object whose first key among {@code images},
     * {@code annotations} and {@code categories} comes within its first megabyte. Never throws.
     */
    static boolean recognizes(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") && looksLikeCoco(path);
            }
            if (Files.isDirectory(path)) {
                List<Path> candidates = candidateFiles(path);
                return candidates.size() == 1 && looksLikeCoco(candidates.get(0));
            }
        } catch (DatasetException e) {
            return false;
        }
        return false;
    }

    /**
     * Chooses the folder that the images' file names are relative to: the first of the annotation
     * file's folder, its {@code images/} subfolder, {@code <split>/} beside the file and
     * {@code ../<split>/} (for {@code instances_<split>.json}) in which one of the first 16 usable file
     * names exists. When none has one (images not downloaded), the annotation file's folder.
     */
    static Path imageRoot(Path annotationFile, CocoImages images) {
        Path folder = annotationFile.toAbsolutePath().normalize().getParent();
        List<String> probes = new ArrayList<>();
        for (int row = 0; row < images.size() && probes.size() < PROBED_IMAGES; row++) {
            if (images.problem(row) == null) {
                probes.add(images.fileName(row));
            }
        }
        for (Path candidate : candidateRoots(folder, annotationFile.getFileName().toString())) {
            for (String probe : probes) {
                if (existsInside(candidate, probe)) {
                    return candidate;
                }
            }
        }
        return folder;
    }

    /** Returns {@code file} relative to {@code root} with {@code /} separators, as messages name it. */
    static String relativeName(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return root.relativize(absolute).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            // Different roots (drives on Windows): no relative path exists.
            return absolute.toString();
        }
    }

    private static Set<Path> candidateRoots(Path folder, String fileName) {
        Set<Path> roots = new LinkedHashSet<>();
        roots.add(folder);
        roots.add(folder.resolve("images"));
        Matcher split = SPLIT_FILE.matcher(fileName);
        if (split.matches()) {
            roots.add(folder.resolve(split.group(1)));
            if (folder.getParent() != null) {
                roots.add(folder.getParent().resolve(split.group(1)));
            }
        }
        return roots;
    }

    private static boolean existsInside(Path root, String fileName) {
        try {
            return Files.isRegularFile(SafePaths.resolveInside(root, fileName));
        } catch (SafePaths.UnsafePathException | InvalidPathException e) {
            return false;
        }
    }

    private static List<Path> candidateFiles(Path folder) throws DatasetException {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (ANNOTATION_FILE.matcher(entry.getFileName().toString()).matches() && Files.isRegularFile(entry)) {
                    candidates.add(entry);
                }
            }
        } catch (IOException e) {
            throw new DatasetException("failed to list " + folder + ": " + e.getMessage(), e);
        }
        candidates.sort(null);
        return candidates;
    }

    private static boolean looksLikeCoco(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = CocoParser.JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (COCO_KEYS.contains(parser.currentName())) {
                    return true;
                }
                parser.nextToken();
                parser.skipChildren();
                if (parser.currentLocation().getByteOffset() > SNIFF_LIMIT_BYTES) {
                    return false;
                }
            }
            return false;
        } catch (IOException e) {
            // Unreadable or not JSON: not a COCO file.
            return false;
        }
    }
}
