package org.backdrop.dataset.cifar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetProgress;
import org.backdrop.dataset.FileNames;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.ReportingDatasetWriter;
import org.backdrop.dataset.SafePaths;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.dataset.WriteReport;
import org.backdrop.image.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the CIFAR-10 binary layout: batch files of 3073-byte records and {@code batches.meta.txt}.
 * Python pickles are never written.
 *
 * <p>A sample read from CIFAR-10 goes to the batch it came from ({@code data_batch_3} or
 * {@code data_batch_3.bin} becomes {@code data_batch_3.bin}), so training and test records stay in
 * separate files. Other samples go to {@code data_batch_1.bin}, {@code data_batch_2.bin}, … with
 * 10,000 records each. Records keep the dataset's order within each file. A sample is skipped with
 * a reason when its image is not 32×32, it has other than one label, or its label is not a category.
 * {@code batches.meta.txt} lists the category with id i on line i.
 */
public final class CifarWriter implements ReportingDatasetWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CifarWriter.class);

    /** Records per generated batch file, as in the official training batches. */
    static final int RECORDS_PER_BATCH = 10_000;

    @Override
    public DatasetFormat format() {
        return DatasetFormat.CIFAR10;
    }

    /**
     * Writes the batches and the meta file under {@code outDir}.
     *
     * @throws DatasetException if a category id is outside 0–255 or a file cannot be written
     * @throws CancellationException if {@code progress} reports cancellation; no batch file is written then
     */
    @Override
    public WriteReport writeWithReport(Dataset dataset, SampleImages images, Path outDir, ProgressListener progress) throws DatasetException {
        checkCategoryIds(dataset.categories());
        WriteReport.Builder report = new WriteReport.Builder(LOG);
        Map<String, AtomicFiles.PendingFile> batches = new LinkedHashMap<>();
        int generated = 0;
        byte[] record = new byte[CifarBatches.RECORD_BYTES];
        List<Sample> samples = dataset.samples();
        try {
            for (int i = 0; i < samples.size(); i++) {
                DatasetProgress.step(progress, i, samples.size(), "Writing CIFAR-10 batches", "writing " + outDir);
                Sample sample = samples.get(i);
                String problem = fillRecord(dataset, sample, images, record);
                if (problem != null) {
                    report.skipped(sample, problem);
                    continue;
                }
                String batchName = batchName(sample, generated);
                if (!(sample.image() instanceof ImageRef.CifarRecord)) {
                    generated++;
                }
                batchFile(batches, outDir, batchName).stream().write(record);
                report.written();
            }
            for (AtomicFiles.PendingFile batch : batches.values()) {
                batch.commit();
            }
            writeMeta(dataset.categories(), outDir);
        } catch (IOException e) {
            throw new DatasetException("cannot write CIFAR-10 batches to " + outDir + ": " + e.getMessage(), e);
        } finally {
            closeAll(batches.values());
        }
        progress.progress(samples.size(), samples.size(), "Writing CIFAR-10 batches");
        return report.build();
    }

    /** Fills {@code record} with the sample's label and planes; returns why it cannot, or null. */
    private static String fillRecord(Dataset dataset, Sample sample, SampleImages images, byte[] record) {
        if (sample.labels().size() != 1) {
            return "has " + sample.labels().size() + " labels; a CIFAR-10 record holds exactly one";
        }
        int label = sample.labels().get(0);
        if (dataset.category(label).isEmpty()) {
            return "label " + label + " is not one of the dataset's category ids";
        }
        RgbImage image;
        try {
            image = images.load(dataset, sample);
        } catch (IOException e) {
            return "image cannot be read: " + e.getMessage();
        }
        if (image.width() != CifarBatches.SIDE || image.height() != CifarBatches.SIDE) {
            return "image is " + image.width() + "x" + image.height() + "; CIFAR-10 records are 32x32 RGB, so resize it first";
        }
        record[0] = (byte) label;
        CifarBatches.imageToPlanes(image, record, 1);
        return null;
    }

    private static String batchName(Sample sample, int generated) {
        if (sample.image() instanceof ImageRef.CifarRecord cifar) {
            String stem = CifarBatchNames.stem(Path.of(cifar.batchFile()).getFileName().toString());
            return FileNames.sanitize(stem, "data_batch_1") + CifarBatchNames.BINARY_EXTENSION;
        }
        return "data_batch_" + (1 + generated / RECORDS_PER_BATCH) + CifarBatchNames.BINARY_EXTENSION;
    }

    private static AtomicFiles.PendingFile batchFile(Map<String, AtomicFiles.PendingFile> batches, Path outDir, String name) throws IOException {
        AtomicFiles.PendingFile batch = batches.get(name);
        if (batch == null) {
            batch = AtomicFiles.open(SafePaths.resolveInside(outDir, name));
            batches.put(name, batch);
        }
        return batch;
    }

    private static void writeMeta(List<Category> categories, Path outDir) throws IOException {
        int lines = categories.stream().mapToInt(Category::id).max().orElse(-1) + 1;
        String[] names = new String[lines];
        Arrays.fill(names, "");
        for (Category category : categories) {
            names[category.id()] = category.name().replaceAll("[\\r\\n]+", " ");
        }
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(name).append('\n');
        }
        AtomicFiles.write(SafePaths.resolveInside(outDir, CifarCategories.TEXT_META), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void checkCategoryIds(List<Category> categories) throws DatasetException {
        for (Category category : categories) {
            if (category.id() < 0 || category.id() > 0xFF) {
                throw new DatasetException("category '" + category.name() + "' has id " + category.id()
                        + ", which does not fit the CIFAR-10 label byte (0 to 255); renumber the categories first");
            }
        }
    }

    /** Closes every batch, deleting those not committed; a failure is logged so it cannot hide an earlier one. */
    private static void closeAll(Iterable<AtomicFiles.PendingFile> files) {
        for (AtomicFiles.PendingFile file : files) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.warn("Cannot remove a temporary CIFAR-10 batch file", e);
            }
        }
    }
}
