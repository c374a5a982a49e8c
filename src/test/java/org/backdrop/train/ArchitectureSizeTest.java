package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.backdrop.model.djl.PyTorchEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureSizeTest {

    @BeforeAll
    static void startEngine() {
        PyTorchEngine.start();
    }

    @Test
    void resnet20ParameterCount() {
        // He et al. (2016) give 0.27 M for ResNet-20: 269,722 weights with identity shortcuts, by hand.
        // The two 1×1 projection shortcuts add 16·32 + 2·32 + 32·64 + 2·64 = 2,752.
        assertEquals(269_722 + 2_752, trainableParameters(Architecture.RESNET20, 10));
    }

    @Test
    void resnet18ParameterCount() {
        // ResNet-18 with a 3×3 stem and 10 outputs, as commonly trained on CIFAR-10 in PyTorch.
        assertEquals(11_173_962, trainableParameters(Architecture.RESNET18, 10));
    }

    @Test
    void resnet18OutputsOneLogitPerClass() {
        try (NDManager manager = NDManager.newBaseManager(PyTorchEngine.NAME)) {
            Block block = Architecture.RESNET18.build(7);
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));

            NDArray logits = block.forward(new ParameterStore(manager, false), new NDList(manager.zeros(new Shape(2, 3, 32, 32))), false)
                    .singletonOrThrow();

            assertEquals(new Shape(2, 7), logits.getShape());
        }
    }

    private static long trainableParameters(Architecture architecture, int classes) {
        try (NDManager manager = NDManager.newBaseManager(PyTorchEngine.NAME)) {
            Block block = architecture.build(classes);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            long count = 0;
            for (Pair<String, Parameter> parameter : block.getParameters()) {
                if (parameter.getValue().requiresGradient()) {
                    count += parameter.getValue().getArray().size();
                }
            }
            return count;
        }
    }
}
