package org.backdrop.model.djl;

import ai.djl.Device;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backdrop.model.CudaUnavailableException;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.InferenceDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link DeviceRequest} into the device a model runs on. CUDA is probed lazily, on the first
 * request that could use it, and only once; {@code auto} without CUDA logs the reason in one INFO line,
 * once per selector.
 */
final class DeviceSelector {

    /** The fix printed whenever CUDA was requested and cannot run. */
    static final String CUDA_FIX = "To run on the GPU, use the GPU build of ONNX Runtime (Maven artifact"
            + " com.microsoft.onnxruntime:onnxruntime_gpu 1.23.2, Backdrop's default on linux-x86_64 and windows-x86_64)"
            + " with an NVIDIA driver and CUDA 12.x and cuDNN 9.x libraries on the library path; or choose device cpu or auto.";

    /**
     * The fix printed when CUDA was requested for a TorchScript model and cannot run. Backdrop starts DJL
     * offline, so DJL never downloads a CUDA build of libtorch by itself.
     */
    // NOTE: the PYTORCH_LIBRARY_PATH route is DJL's documented setting for a custom libtorch; it has not
    // been tried on a GPU machine with Backdrop.
    static final String PYTORCH_CUDA_FIX = "To run TorchScript models on the GPU, point DJL at a CUDA build of libtorch 2.7.1"
            + " with the PYTORCH_LIBRARY_PATH environment variable or system property, on a machine with an NVIDIA driver;"
            + " or choose device cpu or auto.";

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSelector.class);

    private final CudaProbe probe;
    private final String engineName;
    private final String cudaFix;
    private final String cudaLoadFailure;
    private final AtomicBoolean fallbackLogged = new AtomicBoolean();
    private volatile CudaAvailability availability;

    DeviceSelector(CudaProbe probe) {
        this(probe, "ONNX Runtime", CUDA_FIX, "could not create a CUDA session");
    }

    /**
     * Creates a selector for the engine named {@code engineName} in messages, which prints {@code cudaFix}
     * when CUDA was requested and cannot run, and {@code cudaLoadFailure} (a verb phrase) when a model
     * failed to load on CUDA after the probe passed.
     */
    DeviceSelector(CudaProbe probe, String engineName, String cudaFix, String cudaLoadFailure) {
        this.probe = probe;
        this.engineName = engineName;
        this.cudaFix = cudaFix;
        this.cudaLoadFailure = cudaLoadFailure;
    }

    /** Returns the selector that all ONNX models of this process share, probing ONNX Runtime for real. */
    static DeviceSelector shared() {
        return Shared.INSTANCE;
    }

    /** Returns the selector that all TorchScript models of this process share, probing DJL's PyTorch engine. */
    static DeviceSelector pyTorch() {
        return SharedPyTorch.INSTANCE;
    }

    private static final class Shared {
        static final DeviceSelector INSTANCE = new DeviceSelector(new OrtCudaProbe());
    }

    private static final class SharedPyTorch {
        static final DeviceSelector INSTANCE = new DeviceSelector(new PyTorchCudaProbe(), "PyTorch", PYTORCH_CUDA_FIX,
                "could not load the model on CUDA");
    }

    /**
     * Chooses the device for {@code request}.
     *
     * @throws CudaUnavailableException if {@code request} is {@link DeviceRequest#CUDA} and CUDA cannot run;
     *     the message names the missing CUDA provider and the fix
     */
    InferenceDevice select(DeviceRequest request) throws CudaUnavailableException {
        switch (request) {
            case CPU:
                return new InferenceDevice(request, "cpu", "the CPU was requested");
            case CUDA: {
                CudaAvailability cuda = availability();
                if (!cuda.usable()) {
                    throw new CudaUnavailableException("CUDA was requested but cannot be used: " + cuda.reason() + ". " + cudaFix);
                }
                return new InferenceDevice(request, "cuda:0", "CUDA was requested and " + cuda.reason());
            }
            default: {
                CudaAvailability cuda = availability();
                if (cuda.usable()) {
                    return new InferenceDevice(request, "cuda:0", cuda.reason());
                }
                String reason = "running on the CPU because " + cuda.reason();
                if (fallbackLogged.compareAndSet(false, true)) {
                    LOG.info("Device auto ({}): {}", engineName, reason);
                }
                return new InferenceDevice(request, "cpu", reason);
            }
        }
    }

    /**
     * Records that CUDA passed the probe but a model's session could not use it, and returns the CPU
     * device for {@code auto}; a {@code cuda} request becomes an error.
     */
    InferenceDevice fallBackAfterCudaFailure(DeviceRequest request, Throwable failure) throws CudaUnavailableException {
        String cause = failure.getMessage();
        if (request == DeviceRequest.CUDA) {
            throw new CudaUnavailableException("CUDA was requested but " + engineName + " " + cudaLoadFailure + ": " + cause + ". " + cudaFix, failure);
        }
        String reason = "running on the CPU because " + engineName + " " + cudaLoadFailure + ": " + cause;
        LOG.warn("Device auto ({}): {}", engineName, reason);
        return new InferenceDevice(request, "cpu", reason);
    }

    /** Returns the DJL device for a selected device. */
    static Device toDjl(InferenceDevice device) {
        return device.isCuda() ? Device.gpu(Integer.parseInt(device.name().substring("cuda:".length()))) : Device.cpu();
    }

    private CudaAvailability availability() {
        CudaAvailability result = availability;
        if (result == null) {
            synchronized (this) {
                result = availability;
                if (result == null) {
                    result = probe.probe();
                    availability = result;
                    LOG.debug("CUDA probe: usable={}, {}", result.usable(), result.reason());
                }
            }
        }
        return result;
    }
}
