package org.backdrop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backdrop.ProgressListener;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.dataset.Sample;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.segment.SegmentationModel;
import org.backdrop.testing.SharedData;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.backdrop.ui.masks.MasksViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threshold slider on a mask that the selfie segmentation model computed for hopper.jpg (128x128).
 * The model's reference gives 54.9 % of the pixels a probability greater than 0.5, measured with another
 * JPEG decoder and resizer, so shares may differ by 0.01.
 */
class MaskEditorThresholdTest {

    private static final Path SELFIE_SPEC = Path.of("src/test/resources/models/selfie_segmentation.spec.json");
    private static final int PIXELS = 128 * 128;

    @TempDir
    Path temp;

    private Path selfie;
    private double referenceShare;
    private StudioSession session;
    private Sample sample;
    private RgbImage image;
    private MaskEditorViewModel model;

    @BeforeEach
    void computeModelMask() throws Exception {
        selfie = SharedData.fixture("models/person_segmentation/selfie_segmentation.onnx");
        referenceShare = new ObjectMapper().readTree(selfie.resolveSibling("expected_outputs.json").toFile())
                .get("selfie_segmentation.onnx").get("foreground_fraction_prob_gt_0.5").get("../../odd_images/hopper.jpg").asDouble();
        Path data = temp.resolve("data");
        Files.copy(SharedData.fixture("odd_images/hopper.jpg"), Files.createDirectories(data.resolve("person")).resolve("hopper.jpg"));
        session = StudioTestData.session(data);
        sample = session.dataset().samples().get(0);
        image = session.images().load(session.dataset(), sample);

        MasksViewModel masks = new MasksViewModel(session);
        masks.sourceProperty().set(MasksViewModel.Source.MODEL);
        masks.modelFileProperty().set(selfie);
        masks.specFileProperty().set(SELFIE_SPEC);
        masks.deviceProperty().set(DeviceRequest.CPU);
        masks.apply(masks.computation().run(ProgressListener.NONE));
        session.segmentationModelProperty().set(new SegmentationModel(selfie, SELFIE_SPEC, DeviceRequest.CPU));
        model = new MaskEditorViewModel(session);
    }

    @Test
    void modelMaskGetsProbabilities() throws Exception {
        model.load(sample, image);
        assertFalse(model.probabilityMaskProperty().get());

        model.applyProbabilities(model.probabilityWork().run(ProgressListener.NONE));

        assertTrue(model.probabilityMaskProperty().get());
        assertEquals(0.5, model.thresholdProperty().get());
        assertEquals("Probabilities from selfie_segmentation.onnx. Its spec sets the threshold to 0.50.", model.thresholdNoteProperty().get());
        assertEquals(referenceShare, (double) model.mask().area() / PIXELS, 0.01);
        assertFalse(model.canUndoProperty().get());
        assertFalse(model.dirtyProperty().get());
    }

    @Test
    void sliderThresholdsLiveWithUndo() throws Exception {
        model.load(sample, image);
        model.applyProbabilities(model.probabilityWork().run(ProgressListener.NONE));
        long atHalf = model.mask().area();

        model.thresholdProperty().set(0.9);
        long atNinety = model.mask().area();
        model.thresholdProperty().set(0.1);
        long atTen = model.mask().area();
        model.thresholdProperty().set(1.0);

        // A higher threshold keeps a subset of the pixels; no probability is greater than 1.
        assertTrue(atNinety <= atHalf, "area at 0.9 " + atNinety + " > area at 0.5 " + atHalf);
        assertTrue(atHalf <= atTen, "area at 0.5 " + atHalf + " > area at 0.1 " + atTen);
        assertTrue(atNinety < atTen, "thresholds 0.9 and 0.1 give the same mask of " + atTen + " pixels");
        assertEquals(0, model.mask().area());
        assertTrue(model.dirtyProperty().get());

        // The moves of the slider form one edit.
        model.undo();
        assertEquals(atHalf, model.mask().area());
        assertFalse(model.canUndoProperty().get());
        model.redo();
        assertEquals(0, model.mask().area());
    }

    @Test
    void thresholdedMaskSavesAsEdited() throws Exception {
        model.load(sample, image);
        model.applyProbabilities(model.probabilityWork().run(ProgressListener.NONE));
        model.thresholdProperty().set(0.9);
        Rle thresholded = model.mask().toRle();

        model.save();

        assertEquals(MaskOrigin.EDITED, session.maskOrigin(sample.id()).orElseThrow());
        assertEquals(thresholded, session.mask(sample).orElseThrow());
        assertFalse(model.dirtyProperty().get());
    }

    @Test
    void annotationMaskHasNoProbabilitySource() {
        Rle square = session.mask(sample).orElseThrow();
        session.setMasks(Map.of(sample.id(), square), Map.of(sample.id(), MaskOrigin.ANNOTATION));

        model.load(sample, image);

        assertFalse(model.probabilityMaskProperty().get());
        assertTrue(model.probabilityTask().isEmpty());
        assertTrue(model.thresholdNoteProperty().get().startsWith("This mask comes from the dataset's annotations"),
                model.thresholdNoteProperty().get());
        assertThrows(IllegalStateException.class, model::probabilityWork);
    }

    @Test
    void editedMaskHasNoProbabilitySource() throws Exception {
        model.load(sample, image);
        model.save();
        MaskEditorViewModel reopened = new MaskEditorViewModel(session);

        reopened.load(sample, image);

        assertTrue(reopened.probabilityTask().isEmpty());
        assertTrue(reopened.thresholdNoteProperty().get().startsWith("This mask was edited by hand"), reopened.thresholdNoteProperty().get());
    }

    @Test
    void unchosenModelIsNamed() {
        session.segmentationModelProperty().set(null);

        model.load(sample, image);

        assertTrue(model.probabilityTask().isEmpty());
        assertTrue(model.thresholdNoteProperty().get().contains("no model is chosen in the Masks tab"), model.thresholdNoteProperty().get());
    }

    @Test
    void classLogitsModelIsRejected() {
        Path deeplab = Path.of("src/test/resources/models/tiny_deeplab/tiny_deeplab.onnx");
        session.segmentationModelProperty().set(new SegmentationModel(deeplab, null, DeviceRequest.CPU));
        model.load(sample, image);

        ModelSpecException error = assertThrows(ModelSpecException.class, () -> model.probabilityWork().run(ProgressListener.NONE));

        assertTrue(error.getMessage().contains("class logits"), error.getMessage());
        assertFalse(model.probabilityMaskProperty().get());
    }

    @Test
    void otherModelsMaskDifferenceIsCounted() throws Exception {
        // Replace the model's mask by an empty one, still of origin "onnx": every pixel the model marks differs.
        session.setMasks(Map.of(sample.id(), Rle.fromRowMajor(new byte[PIXELS], 128, 128)), Map.of(sample.id(), MaskOrigin.MODEL));
        model.load(sample, image);

        model.applyProbabilities(model.probabilityWork().run(ProgressListener.NONE));

        assertEquals(0, model.mask().area());
        String note = model.thresholdNoteProperty().get();
        assertTrue(note.startsWith("Probabilities from selfie_segmentation.onnx. At 0.50 its mask differs from this mask in "), note);
        long differing = Long.parseLong(note.replaceAll(".* in ([0-9,]+) pixels\\.$", "$1").replace(",", ""));
        assertEquals(referenceShare, (double) differing / PIXELS, 0.01);
    }
}
