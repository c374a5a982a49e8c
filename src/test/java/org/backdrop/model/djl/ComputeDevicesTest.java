package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputeDevicesTest {

    @TempDir
    Path temp;

    /** Writes an {@code information} file laid out as the NVIDIA driver's /proc interface lays it out. */
    private void gpu(String busLocation, String model) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(busLocation));
        Files.writeString(folder.resolve("information"), "Model: \t\t " + model + "\nIRQ:   \t\t 10\nBus Type: \t PCIe\nBus Location: \t "
                + busLocation + "\n");
    }

    @Test
    void driverNamesFirstGpuByBus() throws IOException {
        gpu("0000:62:00.0", "NVIDIA H200");
        gpu("0000:1a:00.0", "NVIDIA A100-SXM4-80GB");

        assertEquals(Optional.of("NVIDIA A100-SXM4-80GB"), ComputeDevices.nameFromDriver(temp));
    }

    @Test
    void missingDriverFolderGivesNoName() {
        assertEquals(Optional.empty(), ComputeDevices.nameFromDriver(temp.resolve("absent")));
    }

    @Test
    void fileWithoutModelGivesNoName() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("0000:62:00.0"));
        Files.writeString(folder.resolve("information"), "IRQ: 10\n");

        assertEquals(Optional.empty(), ComputeDevices.nameFromDriver(temp));
    }
}
