package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backdrop.augment.AugmentOptions;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.engine.launch.CommandArguments;
import org.backdrop.engine.launch.ProgressLine;
import org.backdrop.model.DeviceRequest;
import org.backdrop.segment.MaskFilter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The arguments that the studio submits to Spark, read back by the {@code augment} command's own parser,
 * and the progress lines that the command writes for the submitter.
 */
class SubmittedArgumentsTest {

    @Test
    void augmentParsesBackEveryOption() {
        MaskFilter filter = new MaskFilter(50, 0.25, Optional.of(Set.of("a")));
        AugmentOptions options = new AugmentOptions(List.of("noise-gaussian=0.5,0.1", "red"), Optional.of(Path.of("/m.json")),
                Optional.of("grabcut"), filter, 1.5, 3, List.of("original", "red"), 42, 2);
        List<String> args = CommandArguments.augment(Path.of("/in"), DatasetFormat.VOC, Path.of("/out"), options, Optional.of(Path.of("/ids.txt")),
                "local[2]");

        CommandLine commandLine = BackdropCli.commandLine(target -> {
            throw new IllegalStateException("tests do not open the studio");
        });
        CommandLine.ParseResult parsed = commandLine.parseArgs(args.toArray(String[]::new));
        AugmentCommand command = (AugmentCommand) parsed.subcommand().commandSpec().userObject();

        assertEquals(Path.of("/in"), command.input.in);
        assertEquals(DatasetFormat.VOC, command.input.format);
        assertEquals(Path.of("/out"), command.out);
        assertEquals(List.of("noise-gaussian=0.5,0.1", "red"), AugmentCommand.splitBackgrounds(command.backgrounds));
        assertEquals(Path.of("/m.json"), command.masks);
        assertEquals("grabcut", command.maskSource);
        assertEquals(50, command.minObjectPixels);
        assertEquals(0.25, command.minObjectFraction);
        assertEquals(Path.of("/ids.txt"), command.curated);
        assertEquals(1.5, command.feather);
        assertEquals(3, command.dilate);
        assertEquals("original,red", command.combine);
        assertEquals(42, command.seed);
        assertEquals("spark", command.engineOptions.engine);
        assertEquals("local[2]", command.engineOptions.master);
        assertTrue(command.json);
    }

    @Test
    void evalClsParsesBackEveryOption() {
        List<String> args = CommandArguments.evalCls(Path.of("/m/net.onnx"), Path.of("/s/net.spec.json"),
                List.of(Path.of("/d/original"), Path.of("/d/mixed-rand")), "cpu", 8, Optional.of(Path.of("/r/eval")), "local[2]");

        CommandLine.ParseResult parsed = BackdropCli.commandLine(target -> {
            throw new IllegalStateException("tests do not open the studio");
        }).parseArgs(args.toArray(String[]::new));
        EvalClsCommand command = (EvalClsCommand) parsed.subcommand().commandSpec().userObject();

        assertEquals(Path.of("/m/net.onnx"), command.model);
        assertEquals(Path.of("/s/net.spec.json"), command.specFile);
        assertEquals(List.of(Path.of("/d/original"), Path.of("/d/mixed-rand")), command.inputs);
        assertEquals(null, command.format, "the format is detected, as the studio reads the datasets");
        assertEquals(DeviceRequest.CPU, command.device);
        assertEquals(8, command.batchSize);
        assertEquals("spark", command.engineOptions.engine);
        assertEquals("local[2]", command.engineOptions.master);
        assertTrue(command.json);
        assertEquals(Path.of("/r/eval"), command.outDir);
    }

    @Test
    void linesModeWritesParsableProgress() {
        StringWriter err = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(err), ConsoleProgress.Mode.LINES);

        progress.progress(0, 3, "Rendering red");
        progress.progress(1, 3, "Rendering red");
        progress.progress(3, 3, "Rendering red");
        progress.progress(0, -1, "Writing manifest");
        progress.finish();

        List<String> lines = err.toString().lines().toList();
        // The second report comes within 250 ms of the first with the same message, so it is left out.
        assertEquals(List.of(Optional.of(new ProgressLine(0, 3, "Rendering red")), Optional.of(new ProgressLine(3, 3, "Rendering red")),
                Optional.of(new ProgressLine(0, -1, "Writing manifest"))), lines.stream().map(ProgressLine::parse).toList());
    }
}
