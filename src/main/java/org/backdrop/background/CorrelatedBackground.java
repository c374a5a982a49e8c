package org.backdrop.background;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.backdrop.ProgressListener;
import org.backdrop.image.RgbImage;

/**
 * Backgrounds whose correlation with the class is set by the user ({@code correlated=P:GROUPS_FILE}).
 * This generalises the Waterbirds dataset (Sagawa et al.) to any dataset and any {@code P} in 0..1:
 * its training split puts 95% of CUB's water birds on Places water scenes and 95% of its land birds on
 * land scenes.
 *
 * <p>Each class is tied to one group of scene photos. A sample gets a photo of its own class's group
 * when the first uniform draw {@code u} of its seeded generator is below {@code P}, otherwise a photo of
 * one of the other groups, chosen uniformly by the next draw. The photo is then drawn uniformly from
 * the group and scaled to cover the sample ({@link Resizing#coverAndCenterCrop}). Because the draws
 * come from the sample id, the run seed and the variant name ({@link Seeds}), each sample's choice is
 * independent of sample order and threads, and the share of samples in their own group follows a
 * binomial distribution with mean {@code P} (it is not exactly {@code P} in every class).
 *
 * <p>The groups file, UTF-8, paths relative to the file's folder:
 *
 * <pre>
 * # group NAME: photo files or folders of photos
 * group water: water/, lake.jpg
 * group land: forest/, meadow.jpg
 * # class NAME: the class's own group
 * class waterbird: water
 * class landbird: land
 * </pre>
 *
 * <p>Class names are {@link SamplePool#className(int)} of the labels. At least two groups are needed,
 * and every class of the dataset needs a {@code class} line.
 */
public final class CorrelatedBackground implements Background {

    /** The group and photo of one sample, and whether the group is its own class's. */
    public record Assignment(String group, boolean ownGroup, Path photo) {}

    private final double probability;
    private final Path groupsFile;
    private final PhotoLibrary library;
    private final List<String> groupNames;
    private final List<int[]> groupPhotos;
    private final Map<String, Integer> groupOfClass;

    private CorrelatedBackground(double probability, Path groupsFile, PhotoLibrary library,
            List<String> groupNames, List<int[]> groupPhotos, Map<String, Integer> groupOfClass) {
        this.probability = probability;
        this.groupsFile = groupsFile;
        this.library = library;
        this.groupNames = groupNames;
        this.groupPhotos = groupPhotos;
        this.groupOfClass = groupOfClass;
    }

    /**
     * Reads the groups file.
     *
     * @param probability the share of samples that get their own class's group, 0..1
     * @throws IllegalArgumentException naming the file and line if the probability is outside 0..1, a
     *     line is invalid, a name appears twice, a class names an unknown group, a photo is missing or
     *     there are fewer than two groups
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static CorrelatedBackground fromGroupsFile(double probability, Path groupsFile) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("correlated probability must be in 0..1, got " + probability);
        }
        Path folder = groupsFile.toAbsolutePath().getParent();
        Map<Path, Integer> positions = new LinkedHashMap<>();
        Map<String, int[]> groups = new LinkedHashMap<>();
        Map<String, KeyListFile.Entry> classLines = new LinkedHashMap<>();

        for (KeyListFile.Entry entry : KeyListFile.read(groupsFile)) {
            String[] words = entry.key().split("\\s+", 2);
            if (words.length == 2 && words[0].equals("group")) {
                int[] photos = entry.items().stream()
                        .flatMap(item -> KeyListFile.photos(folder, item, groupsFile, entry.line()).stream())
                        .mapToInt(photo -> positions.computeIfAbsent(photo.normalize(), path -> positions.size()))
                        .toArray();
                requireNew(groups.put(words[1], photos) == null, groupsFile, entry, "group '" + words[1] + "'");
            } else if (words.length == 2 && words[0].equals("class") && entry.items().size() == 1) {
                requireNew(classLines.put(words[1], entry) == null, groupsFile, entry, "class '" + words[1] + "'");
            } else {
                throw new IllegalArgumentException(groupsFile + ":" + entry.line()
                        + ": invalid line; write 'group NAME: photo, folder/, ...' or 'class NAME: GROUP'");
            }
        }
        if (groups.size() < 2) {
            throw new IllegalArgumentException(
                    groupsFile + ": defines " + groups.size() + " group(s); add at least two 'group NAME: photos' lines");
        }

        List<String> groupNames = List.copyOf(groups.keySet());
        Map<String, Integer> groupOfClass = new LinkedHashMap<>();
        for (var classLine : classLines.entrySet()) {
            String group = classLine.getValue().items().get(0);
            int position = groupNames.indexOf(group);
            if (position < 0) {
                throw new IllegalArgumentException(groupsFile + ":" + classLine.getValue().line()
                        + ": class '" + classLine.getKey() + "' names unknown group '" + group + "'; groups are " + groupNames);
            }
            groupOfClass.put(classLine.getKey(), position);
        }
        return new CorrelatedBackground(probability, groupsFile, new PhotoLibrary(new ArrayList<>(positions.keySet())),
                groupNames, List.copyOf(groups.values()), Map.copyOf(groupOfClass));
    }

    /** Returns "correlated=P". */
    @Override
    public String name() {
        return String.format(Locale.ROOT, "correlated=%s", probability);
    }

    /** Returns the share of samples that get their own class's group. */
    public double probability() {
        return probability;
    }

    /**
     * Checks that every class of the pool has a group.
     *
     * @throws IllegalArgumentException listing the classes without a {@code class} line
     */
    @Override
    public Background prepare(SamplePool pool, ProgressListener progress) {
        ClassIndex classes = ClassIndex.of(pool, progress);
        TreeSet<String> missing = new TreeSet<>();
        for (int position = 0; position < classes.classCount(); position++) {
            String className = pool.className(classes.label(position));
            if (!groupOfClass.containsKey(className)) {
                missing.add(className);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    groupsFile + ": no group for classes " + missing + "; add a line 'class NAME: GROUP' for each");
        }
        return this;
    }

    /**
     * Returns the group and photo of one sample.
     *
     * @throws IllegalArgumentException if the sample's class has no group
     */
    public Assignment assign(BackgroundRequest request) {
        Draw draw = draw(request);
        return new Assignment(groupNames.get(draw.group()), draw.ownGroup(), library.photos().get(draw.photo()));
    }

    /**
     * @throws IllegalArgumentException if the sample's class has no group or its photo cannot be decoded
     * @throws java.io.UncheckedIOException if the photo cannot be read
     */
    @Override
    public RgbImage render(BackgroundRequest request) {
        return library.cover(draw(request).photo(), request.width(), request.height());
    }

    private Draw draw(BackgroundRequest request) {
        String className = request.pool().className(request.label());
        Integer ownGroup = groupOfClass.get(className);
        if (ownGroup == null) {
            throw new IllegalArgumentException(
                    "sample " + request.sampleId() + ": class '" + className + "' has no group in " + groupsFile
                            + "; add a line 'class " + className + ": GROUP'");
        }
        SplitMix64 random = request.random();
        boolean own = random.nextDouble() < probability;
        int group = ownGroup;
        if (!own) {
            int drawn = random.nextInt(groupNames.size() - 1);
            group = drawn >= ownGroup ? drawn + 1 : drawn;
        }
        int[] photos = groupPhotos.get(group);
        return new Draw(group, own, photos[random.nextInt(photos.length)]);
    }

    private static void requireNew(boolean isNew, Path file, KeyListFile.Entry entry, String subject) {
        if (!isNew) {
            throw new IllegalArgumentException(file + ":" + entry.line() + ": " + subject + " is defined twice; merge its lines");
        }
    }

    private record Draw(int group, boolean ownGroup, int photo) {}
}
