package org.backdrop.dataset;

import java.util.List;
import org.backdrop.dataset.cifar.CifarWriter;
import org.backdrop.dataset.coco.CocoWriter;
import org.backdrop.dataset.folder.FolderWriter;
import org.backdrop.dataset.voc.VocWriter;

/** The dataset writers Backdrop has, one per {@link DatasetFormat}. */
public final class DatasetWriters {

    private DatasetWriters() {}

    /** Returns one writer per supported layout, in {@link DatasetFormat} order. */
    public static List<ReportingDatasetWriter> all() {
        return List.of(new CifarWriter(), new VocWriter(), new CocoWriter(), new FolderWriter());
    }

    /**
     * Returns the writer for {@code format}.
     *
     * @throws DatasetException if Backdrop has no writer for that layout yet
     */
    public static ReportingDatasetWriter forFormat(DatasetFormat format) throws DatasetException {
        for (ReportingDatasetWriter writer : all()) {
            if (writer.format() == format) {
                return writer;
            }
        }
        throw new DatasetException("writing the " + format.cliName() + " layout is not supported yet");
    }
}
