package org.backdrop.ui.cluster;

/** The machine a studio task runs on. */
public enum RunOn {
    THIS_COMPUTER("This computer"),
    SPARK_CLUSTER("Spark cluster");

    private final String label;

    RunOn(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
