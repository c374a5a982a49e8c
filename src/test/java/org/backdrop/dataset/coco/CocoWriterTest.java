package org.backdrop.dataset.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.ImageEncoder;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.backdrop.mask.RleSegmentation;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Pixels for samples without files: a 32 x 32 image whose first pixel is (10, 20, 30). */
    private static final SampleImages SYNTHETIC_PIXELS = (dataset, sample) -> {
        byte[] pixels = new byte[32 * 32 * 3];
        pixels[0] = 10;
        pixels[1] = 20;
        pixels[2] = 30;
        return new RgbImage(32, 32, pixels);
    };

    @TempDir
    Path output;

    private static Dataset read(Path path) throws DatasetException {
        return new CocoReader().read(path, ReadOptions.defaults(), ProgressListener.NONE);
    }

    private Dataset roundTrip(Dataset dataset, CocoWriter writer) throws DatasetException {
        writer.write(dataset, SYNTHETIC_PIXELS, output, ProgressListener.NONE);
        return read(output.resolve(CocoWriter.ANNOTATION_FILE));
    }

    private JsonNode writtenJson() throws IOException {
        return MAPPER.readTree(output.resolve(CocoWriter.ANNOTATION_FILE).toFile());
    }

    private String writtenText() throws IOException {
        return Files.readString(output.resolve(CocoWriter.ANNOTATION_FILE));
    }

    private static void assertSameRecords(Dataset expected, Dataset actual) {
        assertEquals(expected.categories(), actual.categories());
        assertEquals(expected.samples().size(), actual.samples().size());
        for (int i = 0; i < expected.samples().size(); i++) {
            assertEquals(expected.samples().get(i), actual.samples().get(i), "sample " + expected.samples().get(i).id());
        }
        assertEquals(List.of(), actual.invalid());
    }

    private static Dataset withoutAreas(Dataset dataset) {
        List<Sample> samples = new ArrayList<>();
        for (Sample sample : dataset.samples()) {
            List<Annotation> annotations = sample.annotations().stream()
                    .map(a -> new Annotation(a.id(), a.categoryId(), a.box(), a.segmentation(), a.crowd(), Double.NaN, false, false, Map.of()))
                    .toList();
            samples.add(new Sample(sample.id(), sample.image(), sample.width(), sample.height(), sample.labels(), annotations));
        }
        return new Dataset(dataset.format(), dataset.root(), dataset.categories(), samples, dataset.invalid());
    }

    private static List<Double> writtenAreas(JsonNode json) {
        List<Double> areas = new ArrayList<>();
        json.get("annotations").forEach(annotation -> areas.add(annotation.get("area").asDouble()));
        return areas;
    }

    /**
     * A writer input whose image files are PNGs although the samples name JPEGs, as the Spark engine stages
     * rendered variants: the copied files are named .png, as when the same pixels are encoded.
     */
    @Test
    void copiedPngOfJpegSampleIsNamedPng() throws Exception {
        Dataset dataset = read(SharedData.fixture("coco/labelme_coco_export"));
        Path staged = Files.createDirectories(output.resolve("staged"));
        SampleImages stagedPngs = new SampleImages() {
            @Override
            public RgbImage load(Dataset source, Sample sample) throws IOException {
                return SYNTHETIC_PIXELS.load(source, sample);
            }

            @Override
            public Optional<Path> file(Dataset source, Sample sample) {
                try {
                    Path png = staged.resolve(sample.id() + ".png");
                    Files.write(png, ImageEncoder.encodePng(load(source, sample)));
                    return Optional.of(png);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        Path out = output.resolve("out");

        new CocoWriter().write(dataset, stagedPngs, out, ProgressListener.NONE);

        JsonNode images = MAPPER.readTree(out.resolve(CocoWriter.ANNOTATION_FILE).toFile()).get("images");
        assertEquals(dataset.samples().size(), images.size());
        for (JsonNode image : images) {
            String name = image.get("file_name").asText();
            assertTrue(name.endsWith(".png"), name);
            assertTrue(Files.isRegularFile(out.resolve("images").resolve(name)), name);
        }
    }

    @Test
    void icevisionRoundTrip() throws Exception {
        Dataset source = read(SharedData.fixture("coco/icevision_coco2017_subset/annotations.json"));

        Dataset copy = roundTrip(source, new CocoWriter());

        assertSameRecords(source, copy);
        assertEquals(output.resolve("images").toAbsolutePath().normalize(), copy.root());
    }

    @Test
    void icevisionImagesCopiedByteForByte() throws Exception {
        Path fixture = SharedData.fixture("coco/icevision_coco2017_subset");

        new CocoWriter().write(read(fixture.resolve("annotations.json")), SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        for (String name : List.of("000000000089.jpg", "000000464689.jpg")) {
            assertArrayEquals(Files.readAllBytes(fixture.resolve("images").resolve(name)), Files.readAllBytes(output.resolve("images").resolve(name)));
        }
    }

    @Test
    void labelmeRoundTripKeepsFolders() throws Exception {
        Dataset source = read(SharedData.fixture("coco/labelme_coco_export/annotations.json"));

        Dataset copy = roundTrip(source, new CocoWriter());

        assertSameRecords(source, copy);
        assertTrue(Files.isRegularFile(output.resolve("images/JPEGImages/2011_000003.jpg")));
    }

    @Test
    void val2014RoundTrip() throws Exception {
        Dataset source = read(SharedData.fixture("coco/val2014_first100_eval/instances_val2014_100.json"));

        assertSameRecords(source, roundTrip(source, CocoWriter.annotationsOnly()));
    }

    @Test
    void regressionCasesRoundTrip() throws Exception {
        for (String file : List.of("CV-04/coco_rle_compressed.json", "CV-05/coco_two_point_polygon.json", "CV-21/coco_noncontiguous_ids.json")) {
            Dataset source = read(SharedData.regressionCase(file));

            assertSameRecords(source, roundTrip(source, CocoWriter.annotationsOnly()));
        }
    }

    @Test
    void exifCaseRoundTripWithImage() throws Exception {
        Path file = SharedData.regressionCase("CV-09/coco_exif.json");
        Dataset source = read(file);

        Dataset copy = roundTrip(source, new CocoWriter());

        assertSameRecords(source, copy);
        assertArrayEquals(Files.readAllBytes(file.resolveSibling("exif_orient6.jpg")), Files.readAllBytes(output.resolve("images/exif_orient6.jpg")));
    }

    @Test
    void compressedStringsEscaped() throws Exception {
        Dataset source = read(SharedData.regressionCase("CV-04/coco_rle_compressed.json"));

        CocoWriter.annotationsOnly().write(source, SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        String text = writtenText();
        assertTrue(text.contains("\"counts\": \"\\\\14d1\""), text);
        assertTrue(text.contains("\"counts\": \"235N0\""), text);
        assertTrue(text.contains("\"counts\": [2, 3, 5, 1, 5]"), text);
    }

    @Test
    void compressedStringsMatchPycocotools() throws Exception {
        JsonNode results = MAPPER.readTree(SharedData.fixture("coco/val2014_first100_eval/instances_val2014_fakesegm100_results.json").toFile());
        List<Sample> samples = new ArrayList<>();
        for (JsonNode result : results) {
            JsonNode segmentation = result.get("segmentation");
            int height = segmentation.get("size").get(0).asInt();
            int width = segmentation.get("size").get(1).asInt();
            Rle rle = Rle.fromCompressedString(segmentation.get("counts").asText(), height, width);
            Annotation annotation = new Annotation(1, 1, new BoundingBox(0, 0, 1, 1), new RleSegmentation(rle, true), false, 1, false, false, Map.of());
            samples.add(new Sample(Integer.toString(samples.size() + 1), new ImageRef.File(samples.size() + ".jpg"), width, height, List.of(), List.of(annotation)));
        }
        Dataset dataset = new Dataset(DatasetFormat.COCO, output, List.of(new Category(1, "thing")), samples, List.of());

        CocoWriter.annotationsOnly().write(dataset, SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        JsonNode written = writtenJson().get("annotations");
        assertEquals(results.size(), written.size());
        for (int i = 0; i < results.size(); i++) {
            assertEquals(results.get(i).get("segmentation").get("counts").asText(), written.get(i).get("segmentation").get("counts").asText(), "result " + i);
        }
    }

    @Test
    void missingAreaFromPolygonMask() throws Exception {
        Dataset source = withoutAreas(read(SharedData.regressionCase("CV-05/coco_two_point_polygon.json")));

        CocoWriter.annotationsOnly().write(source, SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        assertEquals(List.of(0.0, 81.0, 81.0), writtenAreas(writtenJson()));
    }

    @Test
    void missingAreaFromRle() throws Exception {
        Dataset source = withoutAreas(read(SharedData.regressionCase("CV-04/coco_rle_compressed.json")));

        CocoWriter.annotationsOnly().write(source, SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        assertEquals(List.of(4.0, 4.0, 4.0), writtenAreas(writtenJson()));
    }

    @Test
    void missingAreaFromBox() throws Exception {
        Sample sample = new Sample("1", new ImageRef.File("a.jpg"), 10, 10, List.of(), List.of(Annotation.ofBox(1, 1, new BoundingBox(1, 2, 3.5, 4))));
        Dataset dataset = new Dataset(DatasetFormat.VOC, output, List.of(new Category(1, "cat")), List.of(sample), List.of());

        CocoWriter.annotationsOnly().write(dataset, SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        assertEquals(List.of(14.0), writtenAreas(writtenJson()));
    }

    @Test
    void noMaskWrittenAsEmptyList() throws Exception {
        Dataset source = read(SharedData.regressionCase("CV-21/coco_noncontiguous_ids.json"));

        CocoWriter.annotationsOnly().write(source, SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        JsonNode annotation = writtenJson().get("annotations").get(0);
        assertTrue(annotation.get("segmentation").isArray());
        assertEquals(0, annotation.get("segmentation").size());
    }

    @Test
    void categoriesKeepIdsAndNames() throws Exception {
        Dataset source = read(SharedData.regressionCase("CV-21/coco_noncontiguous_ids.json"));

        CocoWriter.annotationsOnly().write(source, SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        JsonNode json = writtenJson();
        assertEquals(MAPPER.readTree("[{\"id\": 0, \"name\": \"cat\"}, {\"id\": 1, \"name\": \"dog\"}, {\"id\": 3, \"name\": \"bird\"}]"), json.get("categories"));
        List<Integer> categoryIds = new ArrayList<>();
        json.get("annotations").forEach(annotation -> categoryIds.add(annotation.get("category_id").asInt()));
        assertEquals(List.of(0, 1, 3), categoryIds);
    }

    @Test
    void supercategoryWritten() throws Exception {
        Dataset source = read(SharedData.fixture("coco/icevision_coco2017_subset/annotations.json"));

        CocoWriter.annotationsOnly().write(source, SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        assertEquals(MAPPER.readTree("{\"id\": 1, \"name\": \"person\", \"supercategory\": \"person\"}"), writtenJson().get("categories").get(0));
    }

    @Test
    void stringIdsNumberedInOrder() throws Exception {
        Path root = Files.createDirectories(output.resolve("voc"));
        Files.createDirectories(root.resolve("JPEGImages"));
        Files.write(root.resolve("JPEGImages/2007_000032.jpg"), new byte[] {1, 2, 3});
        Files.write(root.resolve("JPEGImages/2007_000027.jpg"), new byte[] {4, 5});
        List<Sample> samples = List.of(
                new Sample("2007_000032", new ImageRef.File("JPEGImages/2007_000032.jpg"), 500, 281, List.of(),
                        List.of(Annotation.ofBox(1, 1, BoundingBox.fromVoc(104, 78, 375, 183)))),
                new Sample("2007_000027", new ImageRef.File("JPEGImages/2007_000027.jpg"), 486, 500, List.of(),
                        List.of(Annotation.ofBox(2, 1, BoundingBox.fromVoc(174, 101, 349, 351)))));
        Dataset dataset = new Dataset(DatasetFormat.VOC, root, List.of(new Category(1, "aeroplane")), samples, List.of());
        Path out = output.resolve("coco");

        new CocoWriter().write(dataset, SYNTHETIC_PIXELS, out, ProgressListener.NONE);

        JsonNode json = MAPPER.readTree(out.resolve(CocoWriter.ANNOTATION_FILE).toFile());
        assertEquals(MAPPER.readTree("{\"id\": 1, \"file_name\": \"JPEGImages/2007_000032.jpg\", \"width\": 500, \"height\": 281}"), json.get("images").get(0));
        assertEquals(2, json.get("images").get(1).get("id").asInt());
        assertEquals(2, json.get("annotations").get(1).get("image_id").asInt());
        assertEquals(MAPPER.readTree("[173, 100, 176, 251]"), json.get("annotations").get(1).get("bbox"));
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(out.resolve("images/JPEGImages/2007_000027.jpg")));
    }

    @Test
    void duplicateAnnotationIdsRenumbered() throws Exception {
        BoundingBox box = new BoundingBox(0, 0, 1, 1);
        List<Sample> samples = List.of(
                new Sample("5", new ImageRef.File("a.jpg"), 4, 4, List.of(), List.of(Annotation.ofBox(7, 1, box))),
                new Sample("6", new ImageRef.File("b.jpg"), 4, 4, List.of(), List.of(Annotation.ofBox(7, 1, box), Annotation.ofBox(3, 1, box))));
        Dataset dataset = new Dataset(DatasetFormat.VOC, output, List.of(new Category(1, "cat")), samples, List.of());

        CocoWriter.annotationsOnly().write(dataset, SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        List<Integer> ids = new ArrayList<>();
        writtenJson().get("annotations").forEach(annotation -> ids.add(annotation.get("id").asInt()));
        assertEquals(List.of(1, 2, 3), ids);
        assertEquals(5, writtenJson().get("images").get(0).get("id").asInt());
    }

    @Test
    void cifarRecordsWrittenAsPng() throws Exception {
        List<Sample> samples = List.of(
                new Sample("3", new ImageRef.CifarRecord("data_batch_1.bin", 3), 32, 32, List.of(3), List.of()),
                new Sample("10003", new ImageRef.CifarRecord("data_batch_2.bin", 3), 32, 32, List.of(9), List.of()));
        Dataset dataset = new Dataset(DatasetFormat.CIFAR10, output, List.of(new Category(3, "cat"), new Category(9, "truck")), samples, List.of());

        new CocoWriter().write(dataset, SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        BufferedImage png = ImageIO.read(output.resolve("images/data_batch_2_00003.png").toFile());
        assertEquals(32, png.getWidth());
        assertEquals(32, png.getHeight());
        assertEquals(0x0A141E, png.getRGB(0, 0) & 0xFFFFFF);
        JsonNode json = writtenJson();
        assertEquals(10003, json.get("images").get(1).get("id").asInt());
        assertEquals("data_batch_2_00003.png", json.get("images").get(1).get("file_name").asText());
        JsonNode label = json.get("annotations").get(1);
        assertEquals(MAPPER.readTree("{\"id\": 2, \"image_id\": 10003, \"category_id\": 9, \"iscrowd\": 0, \"area\": 1024, "
                + "\"bbox\": [0, 0, 32, 32], \"segmentation\": []}"), label);
    }

    @Test
    void unknownSizeReadFromPixels() throws Exception {
        Sample sample = new Sample("cat/1", new ImageRef.CifarRecord("test_batch.bin", 0), 0, 0, List.of(1), List.of());
        Dataset dataset = new Dataset(DatasetFormat.FOLDER, output, List.of(new Category(1, "cat")), List.of(sample), List.of());

        CocoWriter.annotationsOnly().write(dataset, SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        assertEquals(MAPPER.readTree("{\"id\": 1, \"file_name\": \"test_batch_00000.png\", \"width\": 32, \"height\": 32}"), writtenJson().get("images").get(0));
    }

    @Test
    void missingImageFileIsSkipped() throws Exception {
        Path root = Files.createDirectories(output.resolve("source"));
        Files.write(root.resolve("kept.png"), org.backdrop.image.ImageEncoder.encodePng(new org.backdrop.image.RgbImage(4, 4, new byte[48])));
        Sample gone = new Sample("1", new ImageRef.File("gone.jpg"), 4, 4, List.of(), List.of());
        Sample kept = new Sample("2", new ImageRef.File("kept.png"), 4, 4, List.of(), List.of());
        Dataset dataset = new Dataset(DatasetFormat.COCO, root, List.of(), List.of(gone, kept), List.of());
        Path out = output.resolve("out");

        var report = new CocoWriter().writeWithReport(dataset, SYNTHETIC_PIXELS, out, ProgressListener.NONE);

        assertEquals(1, report.written());
        assertEquals("gone.jpg", report.skipped().get(0).file());
        assertTrue(report.skipped().get(0).reason().contains("was not found"), report.skipped().get(0).reason());
        assertEquals(1, read(out.resolve(CocoWriter.ANNOTATION_FILE)).samples().size());
    }

    @Test
    void noTemporaryFilesLeft() throws Exception {
        Dataset source = read(SharedData.fixture("coco/icevision_coco2017_subset/annotations.json"));

        new CocoWriter().write(source, SYNTHETIC_PIXELS, output, ProgressListener.NONE);

        try (Stream<Path> files = Files.walk(output)) {
            List<Path> temporary = files.filter(path -> path.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), temporary);
        }
    }

    @Test
    void nanCoordinateRejected() {
        Annotation annotation = Annotation.ofBox(4, 1, new BoundingBox(Double.NaN, 0, 1, 1));
        Sample sample = new Sample("1", new ImageRef.File("a.jpg"), 4, 4, List.of(), List.of(annotation));
        Dataset dataset = new Dataset(DatasetFormat.COCO, output, List.of(new Category(1, "cat")), List.of(sample), List.of());

        DatasetException error = assertThrows(DatasetException.class,
                () -> CocoWriter.annotationsOnly().write(dataset, SYNTHETIC_PIXELS, output, ProgressListener.NONE));

        assertTrue(error.getMessage().contains("annotation 4 of image a.jpg"), error.getMessage());
        assertFalse(Files.exists(output.resolve(CocoWriter.ANNOTATION_FILE)));
    }
}
