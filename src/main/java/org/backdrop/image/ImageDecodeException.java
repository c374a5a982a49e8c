package org.backdrop.image;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Thrown when an image file cannot be decoded. The message names the file, states what is wrong and
 * what to do. {@link #reason()} returns the same fault as a value that callers can count.
 */
public class ImageDecodeException extends Exception {

    /** The cause of a decoding failure. */
    public enum Reason {
        /** The file does not exist. */
        NOT_FOUND("Check the path, or remove the sample from the dataset."),
        /** The file exists but could not be read (permissions, a folder, an I/O error). */
        READ_FAILED("Check that the file is a readable regular file."),
        /** The file has 0 bytes. */
        EMPTY_FILE("Replace it with the original image, or remove the sample from the dataset."),
        /** The first bytes match no image format. */
        NOT_AN_IMAGE("Replace it with a JPEG or PNG image, or remove the sample from the dataset."),
        /** An image format, or a variant of JPEG or PNG, that the decoder does not handle. */
        UNSUPPORTED_FORMAT("Convert it to an 8-bit baseline or progressive JPEG, or to PNG."),
        /** The file ends before the image data does. */
        TRUNCATED("Copy the complete file again. For a JPEG, lenient decoding loads the part that is present."),
        /** The file is damaged: a checksum, a marker or the compressed data is invalid. */
        CORRUPT("Copy the file again from its source, or remove the sample from the dataset."),
        /** The header declares more pixels than the configured limit. */
        TOO_MANY_PIXELS("Raise the pixel limit if such large images are expected, or resize the image."),
        /** The image's size matches neither the expected size nor that size with EXIF orientation. */
        SIZE_MISMATCH("Correct the width and height in the annotations, or replace the image.");

        private final String advice;

        Reason(String advice) {
            this.advice = advice;
        }

        /** Returns one sentence of advice on what the user can do about this fault. */
        public String advice() {
            return advice;
        }
    }

    private final transient Path file;
    private final Reason reason;

    /**
     * Creates an exception whose message is {@code "<file>: <problem>. <advice>"}.
     *
     * @param problem what is wrong, without the file name and without a final full stop
     */
    public ImageDecodeException(Path file, Reason reason, String problem) {
        this(file, reason, problem, null);
    }

    /** Creates an exception like {@link #ImageDecodeException(Path, Reason, String)}, with its cause. */
    public ImageDecodeException(Path file, Reason reason, String problem, Throwable cause) {
        super(file + ": " + problem + ". " + reason.advice(), cause);
        this.file = file;
        this.reason = reason;
    }

    /** Wraps an I/O failure on {@code file}: NOT_FOUND for a missing file, READ_FAILED otherwise. */
    static ImageDecodeException fromIoFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ImageDecodeException(file, Reason.NOT_FOUND, "image file not found", e);
        }
        return new ImageDecodeException(file, Reason.READ_FAILED,
                "the file could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }

    /** Returns the image file that failed to decode. */
    public Path file() {
        return file;
    }

    /** Returns the message without the leading file name, for reports that name the file already. */
    public String detail() {
        String prefix = file + ": ";
        String message = getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Returns the fault as a value. */
    public Reason reason() {
        return reason;
    }
}
