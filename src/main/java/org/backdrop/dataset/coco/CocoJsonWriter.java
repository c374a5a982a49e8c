package org.backdrop.dataset.coco;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.PolygonSegmentation;
import org.backdrop.mask.Rle;
import org.backdrop.mask.RleSegmentation;
import org.backdrop.mask.Segmentation;
import org.backdrop.mask.Segmentations;

/**
 * Streams a dataset into one COCO instances document with Jackson's generator, one record at a time.
 *
 * <p>Layout: {@code images}, {@code annotations}, {@code categories}, with {@code json.dump}'s
 * default separators. Numbers that are whole are written without a fraction ({@code 12}, not
 * {@code 12.0}); others in the shortest form that reads back as the same double.
 */
final class CocoJsonWriter {

    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private static final int SAMPLES_PER_PROGRESS = 1024;
    /** Doubles up to 2<sup>53</sup> in magnitude that are whole are exactly a long. */
    private static final double MAX_EXACT_WHOLE = 9_007_199_254_740_992.0;

    private final Dataset dataset;
    private final CocoExportPlan plan;
    private final ProgressListener progress;
    private long nextAnnotationId = 1;

    private CocoJsonWriter(Dataset dataset, CocoExportPlan plan, ProgressListener progress) {
        this.dataset = dataset;
        this.plan = plan;
        this.progress = progress;
    }

    /**
     * Writes {@code dataset} to {@code file} with the ids, names and sizes of {@code plan}.
     *
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when a number is NaN or infinite, which JSON cannot hold
     * @throws CancellationException when {@code progress} reports cancellation
     */
    static void write(Path file, Dataset dataset, CocoExportPlan plan, ProgressListener progress) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                JsonGenerator generator = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            generator.setPrettyPrinter(new PythonJsonSeparators());
            new CocoJsonWriter(dataset, plan, progress).writeDocument(generator);
        }
    }

    private void writeDocument(JsonGenerator generator) throws IOException {
        List<Sample> samples = dataset.samples();
        generator.writeStartObject();

        generator.writeArrayFieldStart("images");
        for (int i = 0; i < samples.size(); i++) {
            writeImage(generator, i);
        }
        generator.writeEndArray();

        generator.writeArrayFieldStart("annotations");
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            for (Annotation annotation : sample.annotations()) {
                writeAnnotation(generator, i, annotation);
            }
            for (int label : sample.labels()) {
                writeLabel(generator, i, label);
            }
            if ((i + 1) % SAMPLES_PER_PROGRESS == 0) {
                checkCancelled();
                progress.progress(i + 1, samples.size(), "Writing COCO annotations");
            }
        }
        generator.writeEndArray();

        generator.writeArrayFieldStart("categories");
        for (Category category : dataset.categories()) {
            writeCategory(generator, category);
        }
        generator.writeEndArray();

        generator.writeEndObject();
    }

    private void checkCancelled() {
        if (progress.isCancelled()) {
            throw new CancellationException("writing COCO annotations was cancelled");
        }
    }

    private void writeImage(JsonGenerator generator, int sample) throws IOException {
        generator.writeStartObject();
        generator.writeNumberField("id", plan.imageId(sample));
        generator.writeStringField("file_name", plan.fileName(sample));
        generator.writeNumberField("width", plan.width(sample));
        generator.writeNumberField("height", plan.height(sample));
        generator.writeEndObject();
    }

    private void writeAnnotation(JsonGenerator generator, int sample, Annotation annotation) throws IOException {
        long id = plan.renumberAnnotations() ? nextAnnotationId++ : annotation.id();
        try {
            generator.writeStartObject();
            generator.writeNumberField("id", id);
            generator.writeNumberField("image_id", plan.imageId(sample));
            generator.writeNumberField("category_id", annotation.categoryId());
            generator.writeNumberField("iscrowd", annotation.crowd() ? 1 : 0);
            generator.writeFieldName("area");
            writeNumber(generator, area(annotation, plan.height(sample), plan.width(sample)));
            generator.writeFieldName("bbox");
            writeBox(generator, annotation.box());
            generator.writeFieldName("segmentation");
            writeSegmentation(generator, annotation.segmentation());
            generator.writeEndObject();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("annotation " + annotation.id() + " of image " + plan.fileName(sample) + ": " + e.getMessage(), e);
        }
    }

    /** Writes an image-level label as an annotation whose box covers the whole image, without a mask. */
    private void writeLabel(JsonGenerator generator, int sample, int categoryId) throws IOException {
        int width = plan.width(sample);
        int height = plan.height(sample);
        generator.writeStartObject();
        generator.writeNumberField("id", nextAnnotationId++);
        generator.writeNumberField("image_id", plan.imageId(sample));
        generator.writeNumberField("category_id", categoryId);
        generator.writeNumberField("iscrowd", 0);
        generator.writeNumberField("area", (long) width * height);
        generator.writeFieldName("bbox");
        writeBox(generator, new BoundingBox(0, 0, width, height));
        generator.writeFieldName("segmentation");
        writeSegmentation(generator, null);
        generator.writeEndObject();
    }

    private static void writeCategory(JsonGenerator generator, Category category) throws IOException {
        generator.writeStartObject();
        generator.writeNumberField("id", category.id());
        generator.writeStringField("name", category.name());
        if (!category.supercategory().isEmpty()) {
            generator.writeStringField("supercategory", category.supercategory());
        }
        generator.writeEndObject();
    }

    /**
     * Returns the annotation's own area, or for NaN the area pycocotools would give: the foreground
     * pixel count of the mask ({@code mask.area}), or the box's width times height without a mask
     * (as {@code COCO.loadRes} does for box results).
     */
    static double area(Annotation annotation, int height, int width) {
        if (!Double.isNaN(annotation.area())) {
            return annotation.area();
        }
        Segmentation segmentation = annotation.segmentation();
        if (segmentation instanceof RleSegmentation encoded) {
            return encoded.rle().area();
        }
        if (segmentation != null) {
            return Segmentations.toRle(segmentation, height, width).area();
        }
        return annotation.box().area();
    }

    private static void writeBox(JsonGenerator generator, BoundingBox box) throws IOException {
        generator.writeStartArray();
        writeNumber(generator, box.x());
        writeNumber(generator, box.y());
        writeNumber(generator, box.width());
        writeNumber(generator, box.height());
        generator.writeEndArray();
    }

    /**
     * Writes polygons as a list of coordinate lists, RLE as {@code {"size": [h, w], "counts": …}} with
     * counts in the source's form, and no segmentation as an empty list.
     */
    private static void writeSegmentation(JsonGenerator generator, Segmentation segmentation) throws IOException {
        if (segmentation instanceof RleSegmentation encoded) {
            writeRle(generator, encoded);
            return;
        }
        generator.writeStartArray();
        if (segmentation instanceof PolygonSegmentation polygons) {
            for (double[] part : polygons.parts()) {
                generator.writeStartArray();
                for (double coordinate : part) {
                    writeNumber(generator, coordinate);
                }
                generator.writeEndArray();
            }
        }
        generator.writeEndArray();
    }

    private static void writeRle(JsonGenerator generator, RleSegmentation encoded) throws IOException {
        Rle rle = encoded.rle();
        generator.writeStartObject();
        generator.writeArrayFieldStart("size");
        generator.writeNumber(rle.height());
        generator.writeNumber(rle.width());
        generator.writeEndArray();
        if (encoded.compressed()) {
            generator.writeStringField("counts", rle.toCompressedString());
        } else {
            generator.writeArrayFieldStart("counts");
            for (int i = 0; i < rle.runCount(); i++) {
                generator.writeNumber(rle.run(i));
            }
            generator.writeEndArray();
        }
        generator.writeEndObject();
    }

    private static void writeNumber(JsonGenerator generator, double value) throws IOException {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("invalid number " + value + ": COCO JSON has no NaN or infinity");
        }
        boolean negativeZero = Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
        if (value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_WHOLE && !negativeZero) {
            generator.writeNumber((long) value);
        } else {
            generator.writeNumber(value);
        }
    }
}
