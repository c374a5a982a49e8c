package org.backdrop.ui.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.backdrop.testing.SharedData;

/**
 * The cat and ship images of the CIFAR-10 fixture JPEGs (30 each) as an original dataset, and a
 * variant that swaps them: in the variant, sample {@code cat/0007} contains the original's
 * {@code ship/0007.jpg}. The fixture's reference predictions of resnet_2b then give the expected
 * accuracy of both and the samples that flip.
 */
final class CatShipData {

    static final String MODEL = "models/cifar10/resnet_2b.onnx";
    static final int CAT = 3;
    static final int SHIP = 8;

    private CatShipData() {}

    static Path model() {
        return SharedData.fixture(MODEL);
    }

    static Path spec() throws URISyntaxException {
        return Path.of(CatShipData.class.getResource("/models/resnet_2b.spec.json").toURI());
    }

    /** Copies the 60 images to {@code target}, swapping the two classes' images when {@code swap} is set. */
    static Path write(Path target, boolean swap) throws IOException {
        Path images = SharedData.fixture("cifar10/test_images_jpg");
        for (String name : new String[] {"cat", "ship"}) {
            String source = name;
            if (swap) {
                source = name.equals("cat") ? "ship" : "cat";
            }
            Files.createDirectories(target.resolve(name));
            for (int i = 0; i < 30; i++) {
                String file = String.format("%04d.jpg", i);
                Files.copy(images.resolve(source).resolve(file), target.resolve(name).resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    /** Returns the reference prediction of resnet_2b for each image, keyed by sample id such as "cat/0000". */
    static Map<String, Integer> referencePredictions() throws IOException {
        JsonNode predictions = new ObjectMapper().readTree(SharedData.fixture("models/cifar10/expected_outputs.json").toFile())
                .get("cifar10_test_images_jpg_300").get("resnet_2b.onnx").get("predictions");
        Map<String, Integer> byId = new HashMap<>();
        for (String name : new String[] {"cat", "ship"}) {
            for (int i = 0; i < 30; i++) {
                String id = name + "/" + String.format("%04d", i);
                byId.put(id, predictions.get("test_images_jpg/" + id + ".jpg").asInt());
            }
        }
        return byId;
    }

    /** Returns the reference prediction for the image that id {@code id} holds in the swapped variant. */
    static int swappedPrediction(Map<String, Integer> reference, String id) {
        String other = id.startsWith("cat/") ? "ship/" + id.substring(4) : "cat/" + id.substring(5);
        return reference.get(other);
    }

    static int label(String id) {
        return id.startsWith("cat/") ? CAT : SHIP;
    }
}
