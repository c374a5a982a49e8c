package org.backdrop.train;

import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.Locale;

/** The classifier networks that {@link ClassifierTrainer} can build, all for 32×32 RGB input. */
public enum Architecture {

    /** He et al. (2016) ResNet-20 for CIFAR: 3 stages of 3 basic blocks with 16, 32 and 64 channels. */
    RESNET20,

    /** ResNet-18 with a 3×3 stride-1 stem and no max-pool, so 32×32 input keeps a 4×4 final map. */
    RESNET18,

    /**
     * A TorchScript network loaded from a file and fine-tuned with a new head (see {@link TransferModel});
     * {@link #build} cannot make one.
     */
    TORCHSCRIPT;

    /** Returns the lower-case name used on the command line and in model specs ({@code resnet20}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the architecture with this command-line name.
     *
     * @throws IllegalArgumentException if no architecture has that name
     */
    public static Architecture fromCliName(String name) {
        for (Architecture architecture : values()) {
            if (architecture.cliName().equalsIgnoreCase(name)) {
                return architecture;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; use one of "
                + Arrays.stream(values()).map(Architecture::cliName).toList());
    }

    /**
     * Builds a new, uninitialised network that outputs {@code classes} logits per image.
     *
     * @throws IllegalStateException for {@link #TORCHSCRIPT}, whose network comes from a file
     */
    public Block build(int classes) {
        return switch (this) {
            case RESNET20 -> ResNets.cifarResNet(3, new int[] {16, 32, 64}, classes);
            case RESNET18 -> ResNets.cifarResNet(2, new int[] {64, 128, 256, 512}, classes);
            case TORCHSCRIPT -> throw new IllegalStateException("a TorchScript network is loaded from its file, not built");
        };
    }
}
