package org.backdrop.train.external;

/**
 * Receives an external trainer's output as it arrives, for a console or the studio's log view. Calls
 * come from the threads that read the process's streams, one line at a time, never two at once.
 */
public interface TrainerOutputListener {

    /** The stream a line came from. */
    enum Stream {
        STDOUT,
        STDERR
    }

    /** A listener that ignores everything. */
    TrainerOutputListener NONE = new TrainerOutputListener() {
        @Override
        public void line(Stream stream, String text) {}

        @Override
        public void metrics(MetricRecord record) {}
    };

    /** Receives one output line, without its line terminator. */
    void line(Stream stream, String text);

    /** Receives the metrics parsed from a line, after {@link #line} for that line. */
    void metrics(MetricRecord record);
}
