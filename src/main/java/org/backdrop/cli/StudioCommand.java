package org.backdrop.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backdrop.StudioOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code backdrop studio [DATASET_OR_PROJECT]}: opens the studio window. */
@Command(name = "studio", description = "Open the Backdrop Studio window, optionally with a dataset or project loaded.")
final class StudioCommand implements Callable<Integer> {

    private final StudioOpener opener;

    @Mixin
    LoggingOptions logging;

    @Parameters(arity = "0..1", paramLabel = "DATASET_OR_PROJECT", description = "A dataset folder or a .backdrop project to open.")
    Path target;

    StudioCommand(StudioOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        opener.open(target);
        return ExitCodes.SUCCESS;
    }
}
