package org.backdrop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetReader;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.dataset.FileLocations;
import org.backdrop.dataset.ReadOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads the dataset a command names, turning every failure into an {@link InvalidInputException}. */
final class DatasetOptions {

    private DatasetOptions() {}

    /** The {@code --format} values: {@code auto} or one of the dataset formats. */
    static final class FormatConverter implements ITypeConverter<DatasetFormat> {
        @Override
        public DatasetFormat convert(String value) {
            return "auto".equalsIgnoreCase(value) ? null : DatasetFormat.fromCliName(value);
        }
    }

    /**
     * Paths that may also be URIs: {@code file://}, and in a build with {@code -Pspark} Hadoop URIs such
     * as {@code hdfs://namenode:8020/data} or {@code s3a://bucket/data}, read and written through
     * Hadoop's FileSystem API by any engine.
     */
    static final class LocationConverter implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            try {
                return FileLocations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * Local paths, for every other option that takes a file or folder. A Hadoop URI there would
     * otherwise be read as a relative local path ({@code hdfs:/namenode/...}), so it is rejected.
     */
    static final class LocalPathConverter implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (FileLocations.isRemoteUri(value)) {
                throw new TypeConversionException("'" + value + "' is a URI, but this option takes a local path;"
                        + " the command's --help names the options that take URIs");
            }
            try {
                return FileLocations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * Reads the dataset at {@code path} in {@code format}, or in the detected format when it is null.
     *
     * @throws InvalidInputException when the path is missing or the dataset cannot be read at all
     */
    static Dataset read(Path path, DatasetFormat format, ReadOptions options, ProgressListener progress) {
        if (!Files.exists(path)) {
            throw new InvalidInputException(path + ": dataset not found; give the dataset's folder (or a COCO annotation file)");
        }
        try {
            DatasetReader reader = format == null ? DatasetReaders.detect(path) : DatasetReaders.forFormat(format);
            return reader.read(path, options, progress);
        } catch (DatasetException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
