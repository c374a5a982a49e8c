package org.backdrop.engine.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.backdrop.ProgressListener;
import org.backdrop.augment.AugmentEngine;
import org.backdrop.augment.AugmentPlan;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.ImageDecodeException;
import org.backdrop.image.ImageDecoder;
import org.backdrop.image.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders augmentation variants as Spark jobs: the kept samples are split into partitions, each
 * executor renders its partitions with the local engine's per-sample function and stages the PNGs in
 * the run's work folder ({@code OUT/.backdrop-work/VARIANT/}), and the driver's dataset writer takes
 * them from there in sample order, so the written files equal a local run's byte for byte.
 *
 * <p>The plan (dataset path, masks, options) is broadcast once per run, so each executor receives it
 * once. The work folder is removed when the variant is written; a rerun after an interrupted job
 * keeps the samples already staged and verified.
 */
final class SparkAugmentEngine implements AugmentEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SparkAugmentEngine.class);

    /** Samples per Spark task: enough that scheduling costs little, few enough that retries redo little. */
    static final int SAMPLES_PER_TASK = 256;

    private final JavaSparkContext context;
    private final int maxFailures;
    private final Map<String, Broadcast<AugmentPlan>> broadcasts = new HashMap<>();
    private final TaskCounter counter = new TaskCounter();

    SparkAugmentEngine(JavaSparkContext context, int maxFailures) {
        this.context = context;
        this.maxFailures = maxFailures;
        context.sc().addSparkListener(counter);
    }

    @Override
    public Rendered render(AugmentPlan plan, int variant, Path outDir, ProgressListener progress) throws IOException {
        String name = plan.variantName(variant);
        Path work = outDir.toAbsolutePath().resolve(AugmentEngine.WORK_FOLDER);
        Path folder = work.resolve(name);
        Files.createDirectories(folder);
        Broadcast<AugmentPlan> shipped = broadcasts.computeIfAbsent(plan.key(), key -> context.broadcast(plan));

        int size = plan.size();
        int partitions = Math.max(1, Math.max(context.defaultParallelism(), (size + SAMPLES_PER_TASK - 1) / SAMPLES_PER_TASK));
        partitions = Math.min(partitions, Math.max(1, size));
        List<Integer> indices = IntStream.range(0, size).boxed().toList();
        String group = "backdrop-" + UUID.randomUUID();
        String failSample = System.getProperty(RenderPartition.FAIL_SAMPLE_PROPERTY);
        context.setJobGroup(group, "Backdrop augment: variant " + name, true);
        counter.start(group, partitions, "Rendering " + name + " on Spark", progress, context);
        List<StagedSample> staged;
        try {
            staged = context.parallelize(indices, partitions)
                    .mapPartitions(new RenderPartition(shipped, variant, folder.toUri().toString(), maxFailures, failSample))
                    .collect();
        } catch (RuntimeException e) {
            throw new IOException("the Spark job for variant " + name + " failed: " + describe(e), e);
        } finally {
            counter.stop();
            context.clearJobGroup();
        }
        if (progress.isCancelled()) {
            throw new java.util.concurrent.CancellationException("cancelled while rendering " + name);
        }
        StagedSample[] byIndex = new StagedSample[size];
        staged.forEach(sample -> byIndex[sample.index()] = sample);
        for (StagedSample sample : byIndex) {
            if (sample != null && !sample.ok()) {
                LOG.warn("Sample {} in {}: {}", plan.sampleId(sample.index()), name, sample.reason());
            }
        }
        return new StagedVariant(plan, byIndex, folder, work);
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause instanceof SparkException) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    @Override
    public String toString() {
        return "Spark on " + context.master();
    }

    /** The staged images of a variant, read by the driver's dataset writer. */
    private static final class StagedVariant implements Rendered {

        private final StagedSample[] samples;
        private final Map<String, Integer> indexById = new HashMap<>();
        private final Path folder;
        private final Path work;

        StagedVariant(AugmentPlan plan, StagedSample[] samples, Path folder, Path work) {
            this.samples = samples;
            this.folder = folder;
            this.work = work;
            for (int i = 0; i < plan.size(); i++) {
                indexById.put(plan.sampleId(i), i);
            }
        }

        @Override
        public SampleImages images() {
            return new SampleImages() {
                @Override
                public RgbImage load(Dataset dataset, Sample sample) throws IOException {
                    Path file = staged(sample);
                    try {
                        return ImageDecoder.decode(file);
                    } catch (ImageDecodeException e) {
                        throw new IOException(file + ": " + e.getMessage(), e);
                    }
                }

                /** Returns the staged PNG, which the writers copy byte for byte: it is the PNG they would encode from the pixels. */
                @Override
                public Optional<Path> file(Dataset dataset, Sample sample) {
                    try {
                        return Optional.of(staged(sample));
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                }
            };
        }

        private Path staged(Sample sample) throws IOException {
            Integer index = indexById.get(sample.id());
            if (index == null) {
                throw new IOException("sample " + sample.id() + " is not part of this augmentation");
            }
            StagedSample staged = samples[index];
            if (staged == null) {
                throw new IOException("sample " + sample.id() + " was not rendered");
            }
            if (!staged.ok()) {
                throw new IOException(staged.reason());
            }
            return folder.resolve(String.format("%09d.png", index));
        }

        @Override
        public String source(int index) {
            StagedSample staged = samples[index];
            return staged == null || !staged.ok() ? null : staged.source();
        }

        /** Removes the variant's work folder, and the run's work folder once it is empty. */
        @Override
        public void close() throws IOException {
            try (var files = Files.walk(folder)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
            try (var left = Files.list(work)) {
                if (left.findAny().isEmpty()) {
                    Files.deleteIfExists(work);
                }
            }
        }
    }

    /** Reports finished tasks of the running job as progress, and cancels the job when the user cancels. */
    private static final class TaskCounter extends SparkListener {

        private volatile ProgressListener progress = ProgressListener.NONE;
        private volatile String group;
        private volatile int total;
        private volatile String message;
        private volatile JavaSparkContext context;
        private final AtomicInteger done = new AtomicInteger();

        void start(String group, int total, String message, ProgressListener progress, JavaSparkContext context) {
            this.done.set(0);
            this.group = group;
            this.total = total;
            this.message = message;
            this.context = context;
            this.progress = progress;
            progress.progress(0, total, message);
        }

        void stop() {
            this.progress = ProgressListener.NONE;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            ProgressListener listener = progress;
            if (listener == ProgressListener.NONE) {
                return;
            }
            if (taskEnd.taskInfo().successful()) {
                listener.progress(done.incrementAndGet(), total, message);
            }
            if (listener.isCancelled()) {
                context.cancelJobGroup(group);
            }
        }
    }
}
