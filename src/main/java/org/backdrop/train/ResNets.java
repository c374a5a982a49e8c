package org.backdrop.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * Builds residual networks for 32×32 input from DJL blocks: a 3×3 convolution stem with 1 stride and
 * no max-pool, stages of basic blocks (two 3×3 convolutions), global average pooling and one linear
 * layer. The first block of every stage after the first halves the resolution with stride 2.
 *
 * <p>Where a block changes the shape, its shortcut is a 1×1 convolution with batch normalisation
 * (option B of He et al. 2016); their CIFAR ResNet-20 used zero-padded identity shortcuts (option A),
 * which add no parameters. The difference is about 2% more parameters for ResNet-20.
 */
final class ResNets {

    private ResNets() {}

    /**
     * Builds a network with {@code blocksPerStage} basic blocks in each stage, one stage per entry of
     * {@code channels}; the stem has {@code channels[0]} output channels.
     */
    static Block cifarResNet(int blocksPerStage, int[] channels, int classes) {
        SequentialBlock network = new SequentialBlock();
        network.add(convolution(channels[0], 3, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock());

        for (int stage = 0; stage < channels.length; stage++) {
            for (int block = 0; block < blocksPerStage; block++) {
                boolean downsample = stage > 0 && block == 0;
                network.add(basicBlock(channels[stage], downsample ? 2 : 1, downsample));
            }
        }

        network.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(classes).build());
        return network;
    }

    private static Block basicBlock(int channels, int stride, boolean projection) {
        SequentialBlock residual = new SequentialBlock()
                .add(convolution(channels, 3, stride))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(convolution(channels, 3, 1))
                .add(BatchNorm.builder().build());

        Block shortcut = projection
                ? new SequentialBlock().add(convolution(channels, 1, stride)).add(BatchNorm.builder().build())
                : Blocks.identityBlock();

        return new SequentialBlock()
                .add(new ParallelBlock(ResNets::sumAndRelu, List.of(residual, shortcut)));
    }

    private static NDList sumAndRelu(List<NDList> branches) {
        NDArray sum = branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow());
        return new NDList(Activation.relu(sum));
    }

    private static Block convolution(int filters, int kernel, int stride) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(false)
                .build();
    }
}
