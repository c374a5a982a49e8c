package org.backdrop.dataset.voc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.SafePaths;

/**
 * Writes the {@code ImageSets/Main} and {@code ImageSets/Segmentation} lists. When the source is a
 * VOC dataset with such lists, each list is written again with only the samples that were written,
 * so train, val and per-class lists keep their meaning. Otherwise {@code Main/trainval.txt} lists
 * every sample and {@code Segmentation/trainval.txt} every sample with masks.
 */
final class VocImageSets {

    private static final List<String> LIST_FOLDERS = List.of("Main", "Segmentation");

    private VocImageSets() {}

    /**
     * @param writtenIds the output id of each written sample, keyed by its id in {@code source}, in writing order
     * @param segmentedIds the output ids of the samples written with masks
     */
    static void write(Dataset source, Map<String, String> writtenIds, Collection<String> segmentedIds, Path outDir) throws IOException {
        for (String folder : LIST_FOLDERS) {
            Map<String, List<String>> sourceLists = sourceLists(source, folder);
            if (sourceLists.isEmpty()) {
                Collection<String> ids = folder.equals("Main") ? writtenIds.values() : segmentedIds;
                if (!ids.isEmpty()) {
                    writeList(outDir, folder + "/trainval.txt", List.copyOf(ids));
                }
                continue;
            }
            for (Map.Entry<String, List<String>> list : sourceLists.entrySet()) {
                writeList(outDir, folder + "/" + list.getKey(), filter(list.getValue(), writtenIds));
            }
        }
    }

    /** Keeps the lines whose first word is a written sample, with that word replaced by the output id. */
    private static List<String> filter(List<String> lines, Map<String, String> writtenIds) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String[] words = line.strip().split("\\s+", 2);
            String outputId = writtenIds.get(words[0]);
            if (outputId != null) {
                kept.add(words.length == 1 ? outputId : outputId + " " + words[1]);
            }
        }
        return kept;
    }

    private static Map<String, List<String>> sourceLists(Dataset source, String folder) throws IOException {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (source.format() != DatasetFormat.VOC) {
            return lists;
        }
        Path listFolder = SafePaths.resolveInside(source.root(), VocLayout.IMAGE_SETS + "/" + folder);
        if (!Files.isDirectory(listFolder)) {
            return lists;
        }
        try (Stream<Path> files = Files.list(listFolder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                lists.put(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lists;
    }

    private static void writeList(Path outDir, String relative, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Path target = SafePaths.resolveInside(outDir, VocLayout.IMAGE_SETS + "/" + relative);
        AtomicFiles.write(target, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
