package org.backdrop.augment;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backdrop.ProgressListener;
import org.backdrop.background.Background;
import org.backdrop.background.Backgrounds;
import org.backdrop.background.Compositor;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.dataset.FileLocations;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;

/**
 * Everything another JVM needs to render an augmentation's samples exactly as this one does: the
 * input dataset's path and layout, the kept samples in order with their masks (as compressed RLE),
 * the background methods, the compositing settings and the seed. A distributed engine ships it once
 * to each executor, which rebuilds the sample pool with {@link #open()} and renders samples with
 * {@link SampleRender}, the function the local engine calls.
 *
 * <p>The input path must name the same dataset on every machine: a shared file system mounted at the
 * same path, or a Hadoop URI such as {@code hdfs://namenode:8020/data}. The paths inside background
 * methods such as {@code scenes=DIR} are local paths, so they need the shared mount.
 */
public final class AugmentPlan implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String input;
    private final String format;
    private final List<String> backgrounds;
    private final double featherSigma;
    private final int dilation;
    private final long seed;
    private final boolean cacheImages;
    private final String[] sampleIds;
    private final int[] heights;
    private final int[] widths;
    private final String[] counts;

    AugmentPlan(String key, Path input, DatasetFormat format, AugmentOptions options, AugmentPool pool, boolean cacheImages) {
        this.key = key;
        this.input = FileLocations.format(input);
        this.format = format.cliName();
        this.backgrounds = List.copyOf(options.backgrounds());
        this.featherSigma = options.featherSigma();
        this.dilation = options.dilation();
        this.seed = options.seed();
        this.cacheImages = cacheImages;
        int size = pool.size();
        this.sampleIds = new String[size];
        this.heights = new int[size];
        this.widths = new int[size];
        this.counts = new String[size];
        for (int i = 0; i < size; i++) {
            Rle mask = pool.rle(i);
            sampleIds[i] = pool.id(i);
            heights[i] = mask.height();
            widths[i] = mask.width();
            counts[i] = mask.toCompressedString();
        }
    }

    /** Returns a key that differs between runs with other inputs, options or seeds, for caching an opened plan. */
    public String key() {
        return key;
    }

    /** Returns the number of kept samples. */
    public int size() {
        return sampleIds.length;
    }

    /** Returns the id of kept sample {@code index}. */
    public String sampleId(int index) {
        return sampleIds[index];
    }

    /** Returns the number of background variants. */
    public int variants() {
        return backgrounds.size();
    }

    /** Returns the folder name of variant {@code variant}. */
    public String variantName(int variant) {
        return Backgrounds.parse(backgrounds.get(variant)).name();
    }

    /**
     * Reads the input dataset and rebuilds the sample pool, for rendering in this JVM.
     *
     * @throws DatasetException when the dataset cannot be read here or lacks a planned sample
     */
    public Opened open() throws DatasetException {
        DatasetFormat layout = DatasetFormat.fromCliName(format);
        Dataset read = DatasetReaders.forFormat(layout).read(FileLocations.parse(input), ReadOptions.defaults(), ProgressListener.NONE);
        Map<String, Sample> byId = new HashMap<>();
        read.samples().forEach(sample -> byId.put(sample.id(), sample));
        List<Sample> samples = new ArrayList<>(sampleIds.length);
        List<Rle> masks = new ArrayList<>(sampleIds.length);
        for (int i = 0; i < sampleIds.length; i++) {
            Sample sample = byId.get(sampleIds[i]);
            if (sample == null) {
                throw new DatasetException(input + ": sample " + sampleIds[i] + " is missing here; every machine must see the same dataset");
            }
            samples.add(sample);
            masks.add(Rle.fromCompressedString(counts[i], heights[i], widths[i]));
        }
        Dataset dataset = new Dataset(read.format(), read.root(), read.categories(), samples, List.of());
        AugmentPool pool = new AugmentPool(dataset, samples, masks, new DatasetImages(), cacheImages);
        return new Opened(pool, new Compositor(dilation, featherSigma));
    }

    /** A plan opened in one JVM: its pool, and each variant's background prepared once on first use. */
    public final class Opened {

        private final AugmentPool pool;
        private final Compositor compositor;
        private final Map<Integer, Background> prepared = new HashMap<>();

        private Opened(AugmentPool pool, Compositor compositor) {
            this.pool = pool;
            this.compositor = compositor;
        }

        /** Renders sample {@code index} of variant {@code variant}, as {@link SampleRender#render} describes. */
        public SampleRender.Outcome render(int variant, int index) {
            return SampleRender.render(pool, background(variant), compositor, seed, index);
        }

        private synchronized Background background(int variant) {
            return prepared.computeIfAbsent(variant, v -> Backgrounds.parse(backgrounds.get(v)).prepare(pool, ProgressListener.NONE));
        }
    }
}
