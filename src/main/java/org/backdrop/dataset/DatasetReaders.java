package org.backdrop.dataset;

import java.nio.file.Path;
import java.util.List;
import org.backdrop.dataset.cifar.CifarReader;
import org.backdrop.dataset.coco.CocoReader;
import org.backdrop.dataset.folder.FolderReader;
import org.backdrop.dataset.voc.VocReader;

/** The dataset readers Backdrop has, one per {@link DatasetFormat}, and layout detection for {@code --format auto}. */
public final class DatasetReaders {

    private DatasetReaders() {}

    /** Returns one reader per supported layout, in {@link DatasetFormat} order. */
    public static List<DatasetReader> all() {
        return List.of(new CifarReader(), new VocReader(), new CocoReader(), new FolderReader());
    }

    /**
     * Returns the reader for {@code format}.
     *
     * @throws DatasetException if Backdrop has no reader for that layout yet
     */
    public static DatasetReader forFormat(DatasetFormat format) throws DatasetException {
        for (DatasetReader reader : all()) {
            if (reader.format() == format) {
                return reader;
            }
        }
        throw new DatasetException("reading the " + format.cliName() + " layout is not supported yet");
    }

    /**
     * Returns the one reader that recognises the layout at {@code root}.
     *
     * @throws DatasetException if {@code root} does not exist, or if no reader or more than one recognises
     *     it; the message lists the layouts that matched, or the files each layout expects
     */
    public static DatasetReader detect(Path root) throws DatasetException {
        if (!java.nio.file.Files.exists(root)) {
            throw new DatasetException(root + ": dataset not found; give the dataset's folder (or a COCO annotation file)");
        }
        List<DatasetReader> matching = all().stream().filter(reader -> reader.recognizes(root)).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (matching.isEmpty()) {
            throw new DatasetException("no dataset layout recognised at " + root + "; expected CIFAR-10 batches (data_batch_N.bin,"
                    + " test_batch.bin or their python pickles), a PASCAL VOC folder (Annotations/*.xml and JPEGImages), a COCO"
                    + " annotation file (or a folder holding one) or an image folder (one subfolder of images per class)");
        }
        throw new DatasetException(root + " matches several dataset layouts (" + String.join(", ",
                matching.stream().map(reader -> reader.format().cliName()).toList()) + "); name the format explicitly");
    }
}
