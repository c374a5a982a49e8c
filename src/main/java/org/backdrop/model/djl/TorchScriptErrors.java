package org.backdrop.model.djl;

/** Shortens PyTorch's error messages, which carry a TorchScript traceback, to the line that names the cause. */
final class TorchScriptErrors {

    private TorchScriptErrors() {}

    /**
     * Returns the last line of the innermost message that starts with an exception name such as
     * {@code RuntimeError:}, or the innermost message's first line when none does.
     */
    static String summary(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        String[] lines = message.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (line.matches("[A-Za-z]*Error: .*")) {
                return line;
            }
        }
        return lines[0].strip();
    }
}
