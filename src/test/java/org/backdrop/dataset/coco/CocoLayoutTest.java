package org.backdrop.dataset.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the annotation file and the image root, and recognising COCO datasets. */
class CocoLayoutTest {

    private static final String ONE_IMAGE = "{\"info\": {}, \"images\": [{\"id\": 1, \"width\": 2, \"height\": 2, \"file_name\": \"x.jpg\"}], "
            + "\"annotations\": [{\"id\": 1, \"image_id\": 7, \"category_id\": 1, \"bbox\": [0, 0, 1, 1]}], \"categories\": []}";

    @TempDir
    Path folder;

    private static Dataset read(CocoReader reader, Path path) throws DatasetException {
        return reader.read(path, ReadOptions.defaults(), ProgressListener.NONE);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void rootIsFileFolderWhenImagesThere() throws Exception {
        Path json = write("annotations.json", ONE_IMAGE);
        write("x.jpg", "");
        write("images/x.jpg", "");

        assertEquals(folder.toAbsolutePath().normalize(), read(new CocoReader(), json).root());
    }

    @Test
    void rootIsImagesSubfolder() throws Exception {
        Path json = write("annotations.json", ONE_IMAGE);
        write("images/x.jpg", "");

        assertEquals(folder.resolve("images").toAbsolutePath().normalize(), read(new CocoReader(), json).root());
    }

    @Test
    void rootIsSplitFolderBesideAnnotationsFolder() throws Exception {
        Path json = write("annotations/instances_val2017.json", ONE_IMAGE);
        write("val2017/x.jpg", "");

        Dataset dataset = read(new CocoReader(), json);

        assertEquals(folder.resolve("val2017").toAbsolutePath().normalize(), dataset.root());
        InvalidSample unknownImage = dataset.invalid().get(0);
        assertEquals("../annotations/instances_val2017.json", unknownImage.file());
    }

    @Test
    void rootIsSplitFolderBesideFile() throws Exception {
        Path json = write("instances_train2017.json", ONE_IMAGE);
        write("train2017/x.jpg", "");

        assertEquals(folder.resolve("train2017").toAbsolutePath().normalize(), read(new CocoReader(), json).root());
    }

    @Test
    void rootFallsBackToFileFolder() throws Exception {
        Path json = write("annotations/instances_val2017.json", ONE_IMAGE);

        assertEquals(folder.resolve("annotations").toAbsolutePath().normalize(), read(new CocoReader(), json).root());
    }

    @Test
    void imageFolderGivenIsRoot() throws Exception {
        Path json = write("annotations.json", ONE_IMAGE);
        write("images/x.jpg", "");
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));

        assertEquals(elsewhere.toAbsolutePath().normalize(), read(new CocoReader(elsewhere), json).root());
    }

    @Test
    void folderWithOneAnnotationFile() throws Exception {
        write("instances_val2017.json", ONE_IMAGE);
        write("notes.json", "{}");

        assertEquals(1, read(new CocoReader(), folder).samples().size());
    }

    @Test
    void folderWithTwoAnnotationFilesRejected() throws Exception {
        write("instances_val2017.json", ONE_IMAGE);
        write("instances_train2017.json", ONE_IMAGE);

        DatasetException error = assertThrows(DatasetException.class, () -> read(new CocoReader(), folder));

        assertTrue(error.getMessage().contains("contains several COCO annotation files"), error.getMessage());
        assertTrue(error.getMessage().contains("instances_train2017.json"), error.getMessage());
    }

    @Test
    void folderWithoutAnnotationFileRejected() throws Exception {
        write("labels.json", ONE_IMAGE);

        DatasetException error = assertThrows(DatasetException.class, () -> read(new CocoReader(), folder));

        assertTrue(error.getMessage().contains("contains no COCO annotation file"), error.getMessage());
    }

    @Test
    void missingPathRejected() {
        DatasetException error = assertThrows(DatasetException.class, () -> read(new CocoReader(), folder.resolve("nothing")));

        assertTrue(error.getMessage().contains("was not found"), error.getMessage());
    }

    @Test
    void recognizesCocoFileAndFolder() throws Exception {
        Path json = write("data/annotations.json", ONE_IMAGE);

        assertTrue(new CocoReader().recognizes(json));
        assertTrue(new CocoReader().recognizes(json.getParent()));
    }

    @Test
    void recognizesAnnotationsFirst() throws Exception {
        Path json = write("big.json", "{\"licenses\": [{\"id\": 1}], \"annotations\": [], \"images\": []}");

        assertTrue(new CocoReader().recognizes(json));
    }

    @Test
    void rejectsOtherJson() throws Exception {
        Path results = write("results.json", "[{\"image_id\": 1, \"bbox\": [0, 0, 1, 1], \"score\": 0.5}]");
        Path labelme = write("photo.json", "{\"version\": \"5.0\", \"shapes\": [], \"imagePath\": \"photo.jpg\"}");
        Path broken = write("broken.json", "{\"images\"");
        Path text = write("readme.txt", ONE_IMAGE);

        assertFalse(new CocoReader().recognizes(results));
        assertFalse(new CocoReader().recognizes(labelme));
        assertFalse(new CocoReader().recognizes(broken));
        assertFalse(new CocoReader().recognizes(text));
        assertFalse(new CocoReader().recognizes(folder.resolve("missing")));
    }

    @Test
    void rejectsFolderWithTwoFiles() throws Exception {
        write("annotations_a.json", ONE_IMAGE);
        write("annotations_b.json", ONE_IMAGE);

        assertFalse(new CocoReader().recognizes(folder));
    }

    @Test
    void recognizesSharedFixtureFolder() {
        assertTrue(new CocoReader().recognizes(SharedData.fixture("coco/icevision_coco2017_subset")));
        assertTrue(new CocoReader().recognizes(SharedData.fixture("coco/val2014_first100_eval/instances_val2014_100.json")));
    }

    @Test
    void rejectsResultsFixture() {
        assertFalse(new CocoReader().recognizes(SharedData.fixture("coco/val2014_first100_eval/instances_val2014_fakesegm100_results.json")));
    }
}
