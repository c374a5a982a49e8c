package org.backdrop.cli;

/** The exit codes every command uses; scripts outside the project rely on them. */
public final class ExitCodes {

    /** The command finished and nothing was skipped. */
    public static final int SUCCESS = 0;
    /** The command line was wrong: an unknown option, a missing value. */
    public static final int USAGE = 1;
    /** The input could not be used at all; the message names the file and, where known, the record. */
    public static final int INVALID_INPUT = 2;
    /** The command finished but skipped samples, which it lists. */
    public static final int SKIPPED = 3;

    private ExitCodes() {}
}
