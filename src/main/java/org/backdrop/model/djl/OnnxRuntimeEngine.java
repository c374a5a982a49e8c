package org.backdrop.model.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's ONNX Runtime engine once, offline and without its CUDA probe. Every use of DJL in Backdrop
 * goes through {@link #get()}, so that these settings come first.
 */
final class OnnxRuntimeEngine {

    static final String ENGINE_NAME = "OnnxRuntime";

    private static final Logger LOG = LoggerFactory.getLogger(OnnxRuntimeEngine.class);

    private OnnxRuntimeEngine() {}

    /** Returns the started engine. */
    static Engine get() {
        return Holder.ENGINE;
    }

    private static final class Holder {
        static final Engine ENGINE = start();
    }

    private static Engine start() {
        // DJL reads this property when it first needs a model zoo or a native library download. Backdrop
        // loads models from files only, so DJL must never reach the network.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        Engine engine = Engine.getEngine(ENGINE_NAME);
        pinDefaultDeviceToCpu(engine);
        removeExtractedLibrariesAtExit(Path.of("/proc/self/maps"));
        return engine;
    }

    /**
     * Deletes, when the JVM exits, the folder into which ONNX Runtime unpacked its native libraries. Each
     * start unpacks about 23 MB into a new {@code onnxruntime-java*} folder under the temporary directory
     * and leaves it there, so every command run grew {@code /tmp}. The folder is found in {@code maps}
     * (Linux's list of the process's mapped files); elsewhere nothing happens.
     */
    static void removeExtractedLibrariesAtExit(Path maps) {
        Optional<Path> folder = extractionFolder(maps);
        folder.ifPresent(path -> Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteFolder(path), "onnxruntime-cleanup")));
    }

    /** Returns the {@code onnxruntime-java*} folder under the temporary directory that contains a mapped ONNX Runtime library. */
    static Optional<Path> extractionFolder(Path maps) {
        if (!Files.isReadable(maps)) {
            return Optional.empty();
        }
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.map(line -> line.substring(Math.max(0, line.indexOf('/'))))
                    .filter(name -> name.startsWith("/") && name.contains("/onnxruntime-java") && name.contains("libonnxruntime"))
                    .map(name -> Path.of(name).getParent())
                    .filter(parent -> parent != null && temporary.equals(parent.getParent())
                            && parent.getFileName().toString().startsWith("onnxruntime-java"))
                    .findFirst();
        } catch (IOException | UncheckedIOException | InvalidPathException e) {
            LOG.debug("Could not read {} to find ONNX Runtime's unpacked libraries", maps, e);
            return Optional.empty();
        }
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // Logging may already be stopped at exit, so the message goes to standard error.
            System.err.println("Could not delete ONNX Runtime's unpacked libraries in " + folder + ": " + e.getMessage());
        }
    }

    /**
     * Sets the engine's default device to the CPU before DJL reads it. DJL 0.36 otherwise works the
     * default out on the first NDManager by loading ONNX Runtime's CUDA provider. On a machine without CUDA
     * the GPU build then prints native ERROR lines about missing CUDA libraries and spends about 2.5 s
     * unpacking the provider. Backdrop always passes the device explicitly (see {@link DeviceSelector}), so
     * the default is never used for models.
     */
    private static void pinDefaultDeviceToCpu(Engine engine) {
        try {
            Field field = Engine.class.getDeclaredField("defaultDevice");
            field.setAccessible(true);
            if (field.get(engine) == null) {
                field.set(engine, Device.cpu());
            }
        } catch (NoSuchFieldException | IllegalAccessException | InaccessibleObjectException | SecurityException e) {
            // NOTE: a DJL version without this private field only costs the probe and its log lines.
            LOG.debug("Could not preset DJL's default device; DJL will probe CUDA itself", e);
        }
    }
}
