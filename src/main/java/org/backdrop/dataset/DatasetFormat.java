package org.backdrop.dataset;

import java.util.Locale;

/** The dataset layouts Backdrop reads and writes. */
public enum DatasetFormat {
    CIFAR10("cifar10"),
    VOC("voc"),
    COCO("coco"),
    FOLDER("folder");

    private final String cliName;

    DatasetFormat(String cliName) {
        this.cliName = cliName;
    }

    /** Returns the name used on the command line and in JSON output. */
    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name such as {@code voc}; throws {@link IllegalArgumentException} on others. */
    public static DatasetFormat fromCliName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (DatasetFormat format : values()) {
            if (format.cliName.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown dataset format '" + name + "'; expected cifar10, voc, coco or folder");
    }
}
