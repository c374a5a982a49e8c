package org.backdrop.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {

    /** Returns Backdrop's version, as written into the jar's manifest at build time. */
    static String version() {
        return org.backdrop.BackdropVersion.get();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Backdrop " + version()};
    }
}
