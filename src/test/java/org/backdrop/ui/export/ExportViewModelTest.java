package org.backdrop.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.backdrop.ProgressListener;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.engine.launch.SparkInstallation;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.cluster.RunOn;
import org.backdrop.ui.StudioTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportViewModelTest {

    @TempDir
    Path temp;

    private StudioSession session;
    private ExportViewModel model;

    @BeforeEach
    void openDataset() throws Exception {
        session = StudioTestData.session(StudioTestData.write(temp));
        model = new ExportViewModel(session);
    }

    @Test
    void missingFolderIsReported() {
        assertEquals(Optional.of("Choose an output folder."), model.problem());
    }

    @Test
    void backgroundListDropsBlanks() {
        model.backgroundsProperty().set(" red, ,mean ");

        assertEquals(List.of("red", "mean"), model.backgroundList());
    }

    @Test
    void sparkClusterNeedsInstallation() {
        model.outputFolderProperty().set(temp.resolve("out"));
        model.runOnProperty().set(RunOn.SPARK_CLUSTER);

        assertTrue(model.problem().orElseThrow().startsWith("No Spark installation is set up"), model.problem().toString());
    }

    @Test
    void sparkClusterNeedsExistingJobJar() throws Exception {
        Path home = Files.createDirectories(temp.resolve("spark/bin")).getParent();
        Files.writeString(home.resolve("bin/spark-submit"), "#!/bin/sh\n");
        Path jar = temp.resolve("missing/backdrop-spark-job.jar");
        SparkInstallation installation = new SparkInstallation(home, "local[2]", Optional.of(jar), List.of());
        ExportViewModel withSpark = new ExportViewModel(session, () -> Optional.of(installation));
        withSpark.outputFolderProperty().set(temp.resolve("out"));
        withSpark.runOnProperty().set(RunOn.SPARK_CLUSTER);

        assertTrue(withSpark.problem().orElseThrow().contains(jar.toString()), withSpark.problem().toString());

        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");
        assertEquals(Optional.empty(), withSpark.problem());
    }

    @Test
    void reviewedOnlyNeedsAcceptedSample() {
        model.outputFolderProperty().set(temp.resolve("out"));
        model.reviewedOnlyProperty().set(true);

        assertTrue(model.problem().orElseThrow().startsWith("No sample is accepted yet"));
    }

    @Test
    void exportWritesAcceptedSamplesOnly() throws Exception {
        StudioTestData.giveMasks(session);
        session.review().decide(session.dataset().samples().get(0).id(), ReviewStatus.ACCEPTED);
        session.review().decide(session.dataset().samples().get(4).id(), ReviewStatus.ACCEPTED);
        Path out = temp.resolve("out");
        model.outputFolderProperty().set(out);
        model.backgroundsProperty().set("red");
        model.reviewedOnlyProperty().set(true);

        ExportViewModel.Summary summary = model.export(ProgressListener.NONE);

        assertEquals(1, summary.result().variants().size());
        assertEquals(2, summary.result().variants().get(0).images());
        assertEquals(4, summary.skipped().size());
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
        assertTrue(summary.describe(20).startsWith("Wrote 2 images in 1 variants."), summary.describe(20));
    }
}
