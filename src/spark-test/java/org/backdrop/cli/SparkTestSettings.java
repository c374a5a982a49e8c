package org.backdrop.cli;

import java.util.Map;

/** Spark settings for tests: the driver on loopback, no web UI, small memory. */
final class SparkTestSettings {

    private static final Map<String, String> SETTINGS = Map.of(
            "spark.driver.host", "127.0.0.1",
            "spark.driver.bindAddress", "127.0.0.1",
            "spark.ui.enabled", "false",
            "spark.ui.showConsoleProgress", "false",
            "spark.executor.memory", "512m");

    private SparkTestSettings() {}

    static void apply() {
        SETTINGS.forEach(System::setProperty);
    }

    static void clear() {
        SETTINGS.keySet().forEach(System::clearProperty);
    }
}
