package org.backdrop.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.backdrop.mask.RleSegmentation;
import org.junit.jupiter.api.Test;

class AnnotationMaskSourceTest {

    private static final Dataset DATASET = new Dataset(DatasetFormat.COCO, Path.of("."), List.of(), List.of(), List.of());

    @Test
    void unionOfInstancesIsTheSampleMask() throws Exception {
        // Two 4x4 instances: the top-left pixel, and the bottom-right 2x2 block.
        byte[] first = new byte[16];
        first[0] = 1;
        byte[] second = new byte[16];
        second[10] = second[11] = second[14] = second[15] = 1;
        Sample sample = sample(List.of(masked(1, first), masked(2, second)));

        MaskResult result = new AnnotationMaskSource().compute(DATASET, sample, null);

        Rle mask = assertInstanceOf(MaskResult.Found.class, result).mask();
        assertEquals(5, mask.area());
        byte[] expected = new byte[16];
        expected[0] = expected[10] = expected[11] = expected[14] = expected[15] = 1;
        assertEquals(Rle.fromRowMajor(expected, 4, 4), mask);
    }

    @Test
    void detectionViewKeepsInstancesApart() {
        byte[] first = new byte[16];
        first[0] = 1;
        Sample sample = sample(List.of(masked(1, first), Annotation.ofBox(2, 1, new BoundingBox(0, 0, 2, 2))));

        List<Rle> instances = AnnotationMaskSource.instanceMasks(sample);

        assertEquals(1, instances.size());
        assertEquals(1, instances.get(0).area());
    }

    @Test
    void sampleWithoutMasksIsRejected() throws Exception {
        Sample sample = sample(List.of(Annotation.ofBox(1, 1, new BoundingBox(0, 0, 2, 2))));

        assertInstanceOf(MaskResult.Rejected.class, new AnnotationMaskSource().compute(DATASET, sample, null));
    }

    @Test
    void vocVoidPixelsJoinTheObject() throws Exception {
        Dataset voc = new org.backdrop.dataset.voc.VocReader().read(
                org.backdrop.testing.SharedData.fixture("voc/icevision_voc2012"), org.backdrop.dataset.ReadOptions.defaults(),
                org.backdrop.ProgressListener.NONE);
        Sample sample = voc.samples().stream().filter(s -> s.id().equals("2007_000063")).findFirst().orElseThrow();

        Rle withVoid = ((MaskResult.Found) new AnnotationMaskSource().compute(voc, sample, null)).mask();
        Rle withoutVoid = ((MaskResult.Found) new AnnotationMaskSource(false).compute(voc, sample, null)).mask();

        // The class mask has 72,224 background, 78,930 chair, 27,632 dog and 8,714 void pixels of 500 x 375.
        assertEquals(500L * 375 - 72_224, withVoid.area());
        assertEquals(78_930L + 27_632, withoutVoid.area());
    }

    private static Annotation masked(long id, byte[] rowMajor) {
        RleSegmentation segmentation = new RleSegmentation(Rle.fromRowMajor(rowMajor, 4, 4), true);
        return new Annotation(id, 1, new BoundingBox(0, 0, 4, 4), segmentation, false, Double.NaN, false, false, Map.of());
    }

    private static Sample sample(List<Annotation> annotations) {
        return new Sample("7", new ImageRef.File("7.jpg"), 4, 4, List.of(), annotations);
    }
}
