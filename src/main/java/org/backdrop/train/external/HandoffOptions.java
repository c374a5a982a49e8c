package org.backdrop.train.external;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.eval.coco.IouType;

/**
 * A detector hand-off run.
 *
 * @param train the training dataset, such as the combined set that {@code augment --combine} writes
 * @param val the validation dataset, which the results file's detections refer to
 * @param format {@link DatasetFormat#COCO} or {@link DatasetFormat#VOC}, the layout written for the command
 * @param command the command template; see {@link DetectorHandoff} for the placeholders
 * @param metricPattern the metric pattern, or null to parse no metrics
 * @param results the results file (COCO) or folder (VOC) the command writes, placeholders allowed;
 *     a relative path is relative to {@code {out}}
 * @param out the run folder
 * @param iouType box or mask IoU for COCO evaluation
 * @param timeout the longest the command may run, or null for no limit
 * @param environment variables added to the command's environment
 */
public record HandoffOptions(Path train, Path val, DatasetFormat format, String command, String metricPattern, String results, Path out,
        IouType iouType, Duration timeout, Map<String, String> environment) {

    public HandoffOptions {
        environment = Map.copyOf(environment);
        if (format != DatasetFormat.COCO && format != DatasetFormat.VOC) {
            throw new IllegalArgumentException("the hand-off writes COCO or VOC, not " + format.cliName());
        }
    }
}
