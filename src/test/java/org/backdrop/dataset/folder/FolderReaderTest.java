package org.backdrop.dataset.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.testing.SharedData;
import org.backdrop.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderReaderTest {

    private final FolderReader reader = new FolderReader();

    @TempDir
    Path root;

    private Dataset read(Path folder) throws DatasetException {
        return reader.read(folder, ReadOptions.defaults(), ProgressListener.NONE);
    }

    static Path writeImage(Path root, String relative, int width, int height) throws Exception {
        return TestImages.writePng(root.resolve(relative), width, height);
    }

    static void writeBoxFile(Path root, String relative, String name) throws Exception {
        Files.writeString(root.resolve(relative), "<annotation><filename>x</filename><size><width>20</width><height>10</height></size>"
                + "<object><name>" + name + "</name><pose>Frontal</pose><difficult>1</difficult>"
                + "<bndbox><xmin>2</xmin><ymin>3</ymin><xmax>8</xmax><ymax>9</ymax></bndbox></object></annotation>");
    }

    @Test
    void fixtureLabelsMatchCsv() throws Exception {
        Path csv = SharedData.fixture("cifar10/test_images_jpg_labels.csv");
        Map<String, Integer> expected = new HashMap<>();
        for (String row : Files.readAllLines(csv).subList(1, 301)) {
            String[] columns = row.split(",");
            expected.put(columns[0].substring("test_images_jpg/".length()), Integer.parseInt(columns[1]));
        }

        Dataset dataset = read(SharedData.fixture("cifar10/test_images_jpg"));

        assertEquals(300, dataset.samples().size());
        for (Sample sample : dataset.samples()) {
            String path = ((ImageRef.File) sample.image()).path();
            assertEquals(List.of(expected.get(path)), sample.labels(), path);
        }
    }

    @Test
    void fixtureSizesComeFromHeaders() throws Exception {
        Dataset dataset = read(SharedData.fixture("cifar10/test_images_jpg"));

        for (Sample sample : dataset.samples()) {
            assertEquals(32, sample.width(), sample.id());
            assertEquals(32, sample.height(), sample.id());
        }
    }

    @Test
    void classIdsFollowSortedNames() throws Exception {
        writeImage(root, "zebra/a.png", 4, 4);
        writeImage(root, "ant/b.png", 4, 4);
        writeImage(root, "Yak/c.png", 4, 4);

        Dataset dataset = read(root);

        assertEquals(List.of(new Category(0, "Yak"), new Category(1, "ant"), new Category(2, "zebra")), dataset.categories());
    }

    @Test
    void sampleIdIsPathWithoutExtension() throws Exception {
        writeImage(root, "dog/sub/n0001.png", 6, 5);

        Sample sample = read(root).samples().get(0);

        assertEquals("dog/sub/n0001", sample.id());
        assertEquals(new ImageRef.File("dog/sub/n0001.png"), sample.image());
        assertEquals(6, sample.width());
        assertEquals(5, sample.height());
    }

    @Test
    void boxFileBesideImageGivesObjects() throws Exception {
        writeImage(root, "dog/n0001.png", 20, 10);
        writeBoxFile(root, "dog/n0001.xml", "dog");
        writeImage(root, "cat/c1.png", 20, 10);

        Dataset dataset = read(root);

        Sample dog = dataset.samples().get(1);
        assertEquals(1, dog.annotations().size());
        Annotation box = dog.annotations().get(0);
        assertEquals(1, box.categoryId());
        assertEquals(new BoundingBox(1, 2, 7, 7), box.box());
        assertTrue(box.difficult());
        assertEquals(Map.of("pose", "Frontal"), box.attributes());
        assertEquals(List.of(), dataset.samples().get(0).annotations());
    }

    @Test
    void synsetNameKeptAsAttribute() throws Exception {
        writeImage(root, "dog/n0001.png", 20, 10);
        writeBoxFile(root, "dog/n0001.xml", "n02084071");

        Annotation box = read(root).samples().get(0).annotations().get(0);

        assertEquals(0, box.categoryId());
        assertEquals("n02084071", box.attributes().get("name"));
    }

    @Test
    void sizeIsUprightForExifOrientation() throws Exception {
        Files.createDirectories(root.resolve("flag"));
        Files.copy(SharedData.regressionCase("CV-09/exif_orient6.jpg"), root.resolve("flag/a.jpg"));

        Sample sample = read(root).samples().get(0);

        assertEquals(16, sample.width());
        assertEquals(32, sample.height());
    }

    @Test
    void hiddenAndOtherFilesIgnored() throws Exception {
        writeImage(root, "dog/a.png", 4, 4);
        writeImage(root, "dog/.thumbs/b.png", 4, 4);
        writeImage(root, ".cache/c.png", 4, 4);
        Files.writeString(root.resolve("dog/notes.txt"), "not an image");

        Dataset dataset = read(root);

        assertEquals(1, dataset.samples().size());
        assertEquals(1, dataset.categories().size());
    }

    @Test
    void unreadableImageIsInvalid() throws Exception {
        writeImage(root, "dog/a.png", 4, 4);
        Files.writeString(root.resolve("dog/broken.jpg"), "not a jpeg");

        Dataset dataset = read(root);

        assertEquals(1, dataset.samples().size());
        InvalidSample invalid = dataset.invalid().get(0);
        assertEquals("dog/broken.jpg", invalid.file());
        assertTrue(invalid.reason().startsWith("image header cannot be read"), invalid.reason());
    }

    @Test
    void bitmapIsListedInvalid() throws Exception {
        writeImage(root, "dog/a.png", 4, 4);
        ImageIO.write(new java.awt.image.BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR), "bmp",
                root.resolve("dog/b.bmp").toFile());

        Dataset dataset = read(root);

        assertEquals(1, dataset.samples().size());
        assertEquals("dog/b.bmp", dataset.invalid().get(0).file());
    }

    @Test
    void pixelLimitMakesImageInvalid() throws Exception {
        writeImage(root, "dog/a.png", 40, 30);

        Dataset dataset = reader.read(root, new ReadOptions(1000), ProgressListener.NONE);

        assertEquals(0, dataset.samples().size());
        assertTrue(dataset.invalid().get(0).reason().contains("declares 40x30 pixels, more than the limit of 1000"));
    }

    @Test
    void recognizesOnlyClassFolders() throws Exception {
        assertTrue(reader.recognizes(SharedData.fixture("cifar10/test_images_jpg")));
        assertFalse(reader.recognizes(SharedData.fixture("voc/icevision_voc2012")));
        assertFalse(reader.recognizes(SharedData.fixture("voc/labelme_voc_export/instance_segmentation")));
        assertFalse(reader.recognizes(SharedData.fixture("cifar10")));
        assertFalse(reader.recognizes(SharedData.fixture("coco/icevision_coco2017_subset")));
    }
}
