package org.backdrop.engine.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backdrop.augment.AugmentOptions;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.segment.MaskFilter;
import org.junit.jupiter.api.Test;

class CommandArgumentsTest {

    @Test
    void augmentWithDefaultsNamesOnlyRequiredOptions() {
        AugmentOptions options = new AugmentOptions(List.of("red", "mean"), Optional.empty(), Optional.empty(), MaskFilter.none(), 0, 0,
                List.of(), 7, 4);

        List<String> args = CommandArguments.augment(Path.of("/data/voc"), DatasetFormat.VOC, Path.of("/data/out"), options, Optional.empty(),
                "local[2]");

        assertEquals(List.of("augment", "--in", "/data/voc", "--format", "voc", "--out", "/data/out", "--backgrounds", "red,mean", "--seed", "7",
                "--engine", "spark", "--master", "local[2]", "--json"), args);
    }

    @Test
    void augmentWithEveryOptionSet() {
        MaskFilter filter = new MaskFilter(50, 0.25, Optional.of(Set.of("a", "b")));
        AugmentOptions options = new AugmentOptions(List.of("noise-gaussian=0.5,0.1", "scenes=/s"), Optional.of(Path.of("/m.json")),
                Optional.of("grabcut"), filter, 1.5, 3, List.of("original", "red"), -2, 8);

        List<String> args = CommandArguments.augment(Path.of("/in"), DatasetFormat.COCO, Path.of("/out"), options, Optional.of(Path.of("/ids.txt")),
                "spark://10.0.0.1:7077");

        assertEquals(List.of("augment", "--in", "/in", "--format", "coco", "--out", "/out", "--backgrounds", "noise-gaussian=0.5,0.1,scenes=/s",
                "--masks", "/m.json", "--mask-source", "grabcut", "--min-object-pixels", "50", "--min-object-fraction", "0.25",
                "--curated", "/ids.txt", "--feather", "1.5", "--dilate", "3", "--combine", "original,red", "--seed", "-2",
                "--engine", "spark", "--master", "spark://10.0.0.1:7077", "--json"), args);
    }

    @Test
    void masksWithModelNamesDevice() {
        List<String> args = CommandArguments.masks(Path.of("/in"), DatasetFormat.FOLDER, Path.of("/m.json"), "onnx=/net.onnx:/net.spec.json", "cuda",
                Optional.of(Path.of("/ids.txt")), "yarn");

        assertEquals(List.of("masks", "--in", "/in", "--format", "folder", "--source", "onnx=/net.onnx:/net.spec.json", "--out", "/m.json",
                "--device", "cuda", "--curated", "/ids.txt", "--engine", "spark", "--master", "yarn", "--json"), args);
    }

    @Test
    void masksWithGrabCutLeavesOutDevice() {
        List<String> args = CommandArguments.masks(Path.of("/in"), DatasetFormat.VOC, Path.of("/m.json"), "grabcut", "auto", Optional.empty(),
                "local[2]");

        assertEquals(List.of("masks", "--in", "/in", "--format", "voc", "--source", "grabcut", "--out", "/m.json", "--engine", "spark",
                "--master", "local[2]", "--json"), args);
    }

    @Test
    void evalClsRepeatsInputInOrder() {
        List<String> args = CommandArguments.evalCls(Path.of("/m/net.onnx"), Path.of("/m/net.spec.json"),
                List.of(Path.of("/d/original"), Path.of("/d/red")), "cuda", 8, Optional.of(Path.of("/r")), "spark://h:7077");

        assertEquals(List.of("eval-cls", "--model", "/m/net.onnx", "--spec", "/m/net.spec.json", "--in", "/d/original", "--in", "/d/red",
                "--device", "cuda", "--batch-size", "8", "--out", "/r", "--engine", "spark", "--master", "spark://h:7077", "--json"), args);
    }

    @Test
    void evalClsRejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> CommandArguments.evalCls(Path.of("/m.onnx"), Path.of("/m.spec.json"), List.of(), "cpu", 8, Optional.empty(), "yarn"));
        assertThrows(IllegalArgumentException.class,
                () -> CommandArguments.evalCls(Path.of("/m.onnx"), Path.of("/m.spec.json"), List.of(Path.of("/d")), "cpu", 0, Optional.empty(), "yarn"));
    }

    @Test
    void curatedIdsWithoutFileAreRejected() {
        MaskFilter filter = new MaskFilter(0, 0, Optional.of(Set.of("a")));
        AugmentOptions options = new AugmentOptions(List.of("red"), Optional.empty(), Optional.empty(), filter, 0, 0, List.of(), 1, 1);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CommandArguments.augment(Path.of("/in"), DatasetFormat.VOC, Path.of("/out"), options, Optional.empty(), "yarn"));
        assertTrue(error.getMessage().contains("file"), error.getMessage());
    }

    @Test
    void blankMasterIsRejected() {
        AugmentOptions options = new AugmentOptions(List.of("red"), Optional.empty(), Optional.empty(), MaskFilter.none(), 0, 0, List.of(), 1, 1);

        assertThrows(IllegalArgumentException.class,
                () -> CommandArguments.augment(Path.of("/in"), DatasetFormat.VOC, Path.of("/out"), options, Optional.empty(), " "));
    }
}
