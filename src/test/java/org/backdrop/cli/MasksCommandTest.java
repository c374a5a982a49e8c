package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backdrop.segment.MasksFile;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasksCommandTest {

    @TempDir
    Path folder;

    @Test
    void annotationMasksOfVocFixture() throws Exception {
        Path out = folder.resolve("masks.json");

        CliRunner.Result result = CliRunner.run("masks", "--in", SharedData.fixture("voc/icevision_voc2012").toString(),
                "--source", "annotations", "--out", out.toString(), "--json");

        // 2007_000063 has instance masks for a dog and a chair; 2011_003353 has none.
        assertEquals(ExitCodes.SKIPPED, result.exitCode(), result.err());
        Map<String, MasksFile.Entry> masks = MasksFile.read(out);
        assertEquals(1, masks.size());
        assertTrue(masks.containsKey("2007_000063"));
        assertEquals("JPEGImages/2011_003353.jpg", result.json().get("skipped").get(0).get("file").asText());
    }

    @Test
    void personModelMasksHopper() throws Exception {
        Path images = Files.createDirectories(folder.resolve("images"));
        Files.copy(SharedData.fixture("odd_images/hopper.jpg"), images.resolve("hopper.jpg"));
        Path model = SharedData.fixture("models/person_segmentation/selfie_segmentation.onnx");
        Path spec = Path.of("src/test/resources/models/selfie_segmentation.spec.json");
        Path out = folder.resolve("masks.json");

        CliRunner.Result result = CliRunner.run("masks", "--in", images.toString(), "--source", "onnx=" + model + ":" + spec,
                "--device", "cpu", "--out", out.toString(), "--json");

        // The model's reference run found 54.9% of hopper.jpg's pixels to be the person.
        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        MasksFile.Entry entry = MasksFile.read(out).get("hopper");
        double fraction = (double) entry.mask().area() / (128 * 128);
        assertEquals(0.549, fraction, 0.01);
    }

    @Test
    void multiClassModelMasksRedSquare() throws Exception {
        // A 32x32 grey image with a red square in columns and rows 8 to 23, 256 object pixels.
        byte[] pixels = new byte[32 * 32 * 3];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                boolean square = x >= 8 && x < 24 && y >= 8 && y < 24;
                int offset = (y * 32 + x) * 3;
                pixels[offset] = (byte) (square ? 255 : 128);
                pixels[offset + 1] = (byte) (square ? 0 : 128);
                pixels[offset + 2] = (byte) (square ? 0 : 128);
            }
        }
        Path images = Files.createDirectories(folder.resolve("images"));
        org.backdrop.image.ImageEncoder.writePng(new org.backdrop.image.RgbImage(32, 32, pixels), images.resolve("square.png"));
        Path model = Path.of("src/test/resources/models/tiny_deeplab/tiny_deeplab.onnx");
        Path out = folder.resolve("masks.json");

        // The model marks red pixels as class 15 and the rest as class 0, which the spec calls background.
        CliRunner.Result result = CliRunner.run("masks", "--in", images.toString(), "--source", "onnx=" + model,
                "--device", "cpu", "--out", out.toString(), "--json");

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        org.backdrop.mask.Rle mask = MasksFile.read(out).get("square").mask();
        assertEquals(256, mask.area());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {8, 8, 16, 16}, mask.toBbox());
    }

    @Test
    void unknownSourceExitsWithTwo() throws Exception {
        CliRunner.Result result = CliRunner.run("masks", "--in", SharedData.fixture("voc/icevision_voc2012").toString(),
                "--source", "magic", "--out", folder.resolve("m.json").toString());

        assertEquals(ExitCodes.INVALID_INPUT, result.exitCode());
    }
}
