package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.engine.DistributedEngine;
import org.backdrop.engine.Engines;
import org.backdrop.eval.coco.CocoDetection;
import org.backdrop.eval.detection.DetectionJob;
import org.backdrop.eval.detection.DetectorRunner;
import org.backdrop.image.RgbImage;
import org.backdrop.model.Detection;
import org.backdrop.model.Detector;
import org.backdrop.model.InferenceDevice;
import org.backdrop.model.ModelException;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A detector batch of two images that fails in every attempt, because the detector rejects one of
 * them: in the last attempt the engine runs the images one at a time, so only the rejected one is
 * skipped and the other keeps its detection.
 */
class SparkDetectionLastAttemptTest {

    /** The width of 2007_000063.jpg in its VOC annotation; 2011_003353.jpg is 375 pixels wide. */
    private static final int REJECTED_WIDTH = 500;

    @BeforeAll
    static void loopbackOnly() {
        SparkTestSettings.apply();
    }

    @AfterAll
    static void clear() {
        SparkTestSettings.clear();
    }

    @Test
    void onlyRejectedImageIsSkipped() throws Exception {
        Path input = SharedData.fixture("voc/icevision_voc2012");
        Dataset dataset = DatasetReaders.forFormat(DatasetFormat.VOC).read(input, ReadOptions.defaults(), ProgressListener.NONE);
        List<String> ids = dataset.samples().stream().map(Sample::id).toList();
        assertEquals(List.of("2007_000063", "2011_003353"), ids);
        DetectionJob job = new DetectionJob(input, dataset, 2, new RejectingDetectorFactory());
        assertEquals(1, job.batches());

        DetectorRunner.Run run;
        try (DistributedEngine engine = Engines.spark("local[2]")) {
            run = DetectorRunner.merge(engine.detection().detect(job, ProgressListener.NONE));
        }

        assertEquals(1, run.skipped().size(), run.skipped().toString());
        assertTrue(run.skipped().get(0).file().contains("2007_000063"), run.skipped().toString());
        String reason = run.skipped().get(0).reason();
        assertTrue(reason.contains("failed in all 4 attempts"), reason);
        assertTrue(reason.contains("rejects images " + REJECTED_WIDTH + " pixels wide"), reason);
        assertEquals(1, run.detections().size(), run.detections().toString());
        CocoDetection detection = run.detections().get(0);
        assertEquals(2L, detection.imageId(), "the image id is the sample position plus one");
        assertEquals(0.9, detection.score());
        assertEquals(List.of(1.0, 2.0, 30.0, 40.0), List.of(detection.bbox()[0], detection.bbox()[1], detection.bbox()[2], detection.bbox()[3]));
    }

    /** Makes a {@link RejectingDetector} in each executor; it reads no file. */
    record RejectingDetectorFactory() implements DetectionJob.DetectorFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public Detector create(UnaryOperator<Path> localFile) {
            return new RejectingDetector();
        }

        @Override
        public List<Path> files() {
            return List.of();
        }
    }

    /** Takes two images per call, finds one person at a fixed box in each, and fails a call that contains an image {@link #REJECTED_WIDTH} pixels wide. */
    static final class RejectingDetector implements Detector {

        @Override
        public List<List<Detection>> detect(List<RgbImage> images) throws ModelException {
            List<List<Detection>> found = new ArrayList<>();
            for (RgbImage image : images) {
                if (image.width() == REJECTED_WIDTH) {
                    throw new ModelException("the test detector rejects images " + REJECTED_WIDTH + " pixels wide");
                }
                found.add(List.of(new Detection(0, "person", 0.9, new BoundingBox(1, 2, 30, 40))));
            }
            return found;
        }

        @Override
        public ModelSpec spec() {
            throw new UnsupportedOperationException("the test detector has no spec");
        }

        @Override
        public InferenceDevice device() {
            throw new UnsupportedOperationException("the test detector runs on no device");
        }

        @Override
        public int batchSize() {
            return 2;
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    }
}
