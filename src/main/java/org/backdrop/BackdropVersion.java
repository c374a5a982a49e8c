package org.backdrop;

/** Backdrop's version, as the build writes it into the jar's manifest. */
public final class BackdropVersion {

    private BackdropVersion() {}

    /** Returns the version, or "development" when Backdrop runs from compiled classes rather than its jar. */
    public static String get() {
        String version = BackdropVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
