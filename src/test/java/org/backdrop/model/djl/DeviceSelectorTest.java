package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicInteger;
import org.backdrop.model.CudaUnavailableException;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.InferenceDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DeviceSelectorTest {

    private static final CudaAvailability NO_GPU = new CudaAvailability(false, "no CUDA GPU was found");
    private static final CudaAvailability GPU = new CudaAvailability(true, "1 CUDA GPU(s) found");

    private final Logger logger = (Logger) LoggerFactory.getLogger(DeviceSelector.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final AtomicInteger probes = new AtomicInteger();

    private Level previousLevel;

    @BeforeEach
    void captureLog() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.INFO);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
        logger.setLevel(previousLevel);
    }

    @Test
    void autoWithoutGpuUsesCpu() throws Exception {
        DeviceSelector selector = selector(NO_GPU);

        InferenceDevice device = selector.select(DeviceRequest.AUTO);

        assertEquals("cpu", device.name());
        assertEquals(DeviceRequest.AUTO, device.requested());
        assertEquals("running on the CPU because no CUDA GPU was found", device.reason());
    }

    @Test
    void autoFallbackLoggedOnce() throws Exception {
        DeviceSelector selector = selector(NO_GPU);

        selector.select(DeviceRequest.AUTO);
        selector.select(DeviceRequest.AUTO);

        assertEquals(1, log.list.size());
        assertEquals(Level.INFO, log.list.get(0).getLevel());
        assertEquals("Device auto (ONNX Runtime): running on the CPU because no CUDA GPU was found", log.list.get(0).getFormattedMessage());
    }

    @Test
    void probeRunsOnce() throws Exception {
        DeviceSelector selector = selector(GPU);

        selector.select(DeviceRequest.AUTO);
        selector.select(DeviceRequest.CUDA);

        assertEquals(1, probes.get());
    }

    @Test
    void cpuRequestSkipsProbe() throws Exception {
        InferenceDevice device = selector(GPU).select(DeviceRequest.CPU);

        assertEquals("cpu", device.name());
        assertEquals(0, probes.get());
    }

    @Test
    void autoWithGpuUsesCuda() throws Exception {
        InferenceDevice device = selector(GPU).select(DeviceRequest.AUTO);

        assertEquals("cuda:0", device.name());
        assertTrue(device.isCuda());
    }

    @Test
    void cudaWithoutGpuFails() {
        CudaUnavailableException error = assertThrows(CudaUnavailableException.class, () -> selector(NO_GPU).select(DeviceRequest.CUDA));

        assertTrue(error.getMessage().startsWith("CUDA was requested but cannot be used: no CUDA GPU was found."), error.getMessage());
        assertTrue(error.getMessage().contains("com.microsoft.onnxruntime:onnxruntime_gpu"), error.getMessage());
        assertTrue(error.getMessage().contains("CUDA 12.x and cuDNN 9.x"), error.getMessage());
    }

    @Test
    void cudaSessionFailureFallsBackForAuto() throws Exception {
        InferenceDevice device = selector(GPU).fallBackAfterCudaFailure(DeviceRequest.AUTO, new IllegalStateException("cudnn missing"));

        assertEquals("cpu", device.name());
        assertEquals(Level.WARN, log.list.get(0).getLevel());
    }

    @Test
    void cudaSessionFailureFailsForCuda() {
        CudaUnavailableException error = assertThrows(CudaUnavailableException.class,
                () -> selector(GPU).fallBackAfterCudaFailure(DeviceRequest.CUDA, new IllegalStateException("cudnn missing")));

        assertTrue(error.getMessage().contains("could not create a CUDA session: cudnn missing"), error.getMessage());
    }

    private DeviceSelector selector(CudaAvailability availability) {
        return new DeviceSelector(() -> {
            probes.incrementAndGet();
            return availability;
        });
    }
}
