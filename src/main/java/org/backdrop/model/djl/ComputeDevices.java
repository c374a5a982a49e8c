package org.backdrop.model.djl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.backdrop.model.CudaUnavailableException;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.InferenceDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The device that models given {@code --device auto} run on, for the studio's status bar. */
public final class ComputeDevices {

    private static final Logger LOG = LoggerFactory.getLogger(ComputeDevices.class);

    private ComputeDevices() {}

    /**
     * Returns the device {@code auto} selects, probing CUDA once per process (the first call may take
     * seconds because it loads ONNX Runtime); call it off the JavaFX thread.
     */
    public static InferenceDevice autoDevice() {
        try {
            return DeviceSelector.shared().select(DeviceRequest.AUTO);
        } catch (CudaUnavailableException e) {
            // AUTO falls back to the CPU instead of throwing; this keeps the compiler satisfied.
            return new InferenceDevice(DeviceRequest.AUTO, "cpu", e.getMessage());
        }
    }

    /**
     * Returns the product name of the first NVIDIA GPU, such as "NVIDIA H200", read from the Linux
     * driver's {@code /proc/driver/nvidia/gpus/<bus id>/information} or else from {@code nvidia-smi}; empty
     * when neither names one. NOTE: both list GPUs in PCI bus order, which is CUDA's device 0 only when
     * the machine has one GPU or {@code CUDA_DEVICE_ORDER=PCI_BUS_ID}.
     */
    public static Optional<String> firstGpuName() {
        Optional<String> fromDriver = nameFromDriver(Path.of("/proc/driver/nvidia/gpus"));
        return fromDriver.isPresent() ? fromDriver : nameFromNvidiaSmi();
    }

    static Optional<String> nameFromDriver(Path gpus) {
        if (!Files.isDirectory(gpus)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(gpus)) {
            List<Path> sorted = entries.sorted().toList();
            for (Path gpu : sorted) {
                Path information = gpu.resolve("information");
                if (Files.isReadable(information)) {
                    for (String line : Files.readAllLines(information, StandardCharsets.UTF_8)) {
                        if (line.startsWith("Model:")) {
                            return Optional.of(line.substring("Model:".length()).strip());
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("Reading the GPU name from {} failed", gpus, e);
        }
        return Optional.empty();
    }

    private static Optional<String> nameFromNvidiaSmi() {
        try {
            Process process = new ProcessBuilder("nvidia-smi", "--query-gpu=name", "--format=csv,noheader").redirectErrorStream(true).start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 && !output.isEmpty() ? Optional.of(output.lines().findFirst().orElse("").strip()) : Optional.empty();
        } catch (IOException e) {
            LOG.debug("nvidia-smi could not be run", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
