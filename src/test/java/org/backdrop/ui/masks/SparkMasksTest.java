package org.backdrop.ui.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.backdrop.segment.MaskPlan;
import org.backdrop.segment.MasksFile;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.backdrop.ui.cluster.RunOn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The masks screen's Spark path: the command's source argument, and its output turned into a plan. */
class SparkMasksTest {

    @TempDir
    Path temp;

    private StudioSession session;

    @BeforeEach
    void openDataset() throws Exception {
        session = StudioTestData.session(StudioTestData.write(temp));
    }

    @Test
    void sourceArgumentMatchesMasksCommand() {
        assertEquals("annotations", SparkMasks.sourceArgument(MasksViewModel.Source.ANNOTATIONS, null, null));
        assertEquals("grabcut", SparkMasks.sourceArgument(MasksViewModel.Source.GRABCUT, null, null));
        assertEquals("onnx=/m/net.onnx", SparkMasks.sourceArgument(MasksViewModel.Source.MODEL, Path.of("/m/net.onnx"), null));
        assertEquals("onnx=/m/net.onnx:/s/net.spec.json",
                SparkMasks.sourceArgument(MasksViewModel.Source.MODEL, Path.of("/m/net.onnx"), Path.of("/s/net.spec.json")));
        assertThrows(IllegalStateException.class, () -> SparkMasks.sourceArgument(MasksViewModel.Source.MODEL, null, null));
    }

    @Test
    void planKeepsScopeMasksAndSkips() throws Exception {
        List<Sample> all = session.dataset().samples();
        List<Sample> scope = all.subList(0, 3);
        Rle mask = StudioTestData.squareMask();
        Map<String, MasksFile.Entry> file = Map.of(
                scope.get(0).id(), new MasksFile.Entry(scope.get(0).id(), scope.get(0).image().describe(), 0, mask, "grabcut"),
                scope.get(2).id(), new MasksFile.Entry(scope.get(2).id(), scope.get(2).image().describe(), 0, mask, "grabcut"));
        String skippedInScope = scope.get(1).image().describe();
        String skippedOutside = all.get(4).image().describe();
        JsonNode document = new ObjectMapper().readTree("{\"masks\": 2, \"out\": \"/m.json\", \"skipped\": ["
                + "{\"file\": \"" + skippedInScope + "\", \"reason\": \"GrabCut kept 0.0% of the box\"},"
                + "{\"file\": \"" + skippedOutside + "\", \"reason\": \"not in the curated list\"}]}");

        MaskPlan plan = SparkMasks.plan(scope, file, document);

        assertEquals(List.of(scope.get(0), scope.get(2)), plan.samples());
        assertEquals(List.of(mask, mask), plan.masks());
        assertEquals(List.of(new InvalidSample(skippedInScope, "GrabCut kept 0.0% of the box")), plan.skipped());
    }

    @Test
    void clusterWithoutInstallationIsRejected() {
        MasksViewModel model = new MasksViewModel(session);
        model.runOnProperty().set(RunOn.SPARK_CLUSTER);

        IllegalStateException error = assertThrows(IllegalStateException.class, model::computation);
        assertTrue(error.getMessage().startsWith("no Spark installation is set up"), error.getMessage());
    }
}
