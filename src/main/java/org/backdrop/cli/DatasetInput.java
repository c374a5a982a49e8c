package org.backdrop.cli;

import java.nio.file.Path;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.ReadOptions;
import picocli.CommandLine.Option;

/** The {@code --in} and {@code --format} options of commands that read one dataset. */
final class DatasetInput {

    @Option(names = "--in", required = true, paramLabel = "DATASET", converter = DatasetOptions.LocationConverter.class,
            description = "The dataset folder, or a COCO annotation file; a path, or a URI such as hdfs://namenode:8020/data (Hadoop URIs need a build with -Pspark).")
    Path in;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", converter = DatasetOptions.FormatConverter.class,
            description = "The input's layout: auto, cifar10, voc, coco or folder (default: ${DEFAULT-VALUE}).")
    DatasetFormat format;

    /** Reads the dataset; failures end the command with exit code 2. */
    Dataset read(ProgressListener progress) {
        return DatasetOptions.read(in, format, ReadOptions.defaults(), progress);
    }
}
