package org.backdrop.model.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a model spec from JSON. A spec looks like this (only {@code task}, {@code input} and
 * {@code output.kind} are required):
 *
 * <pre>{@code
 * {
 *   "task": "classification",
 *   "input": {"name": "input.1", "shape": [1, 3, 32, 32], "layout": "NCHW"},
 *   "preprocessing": {
 *     "colorOrder": "RGB",
 *     "scale": "1/255",
 *     "mean": [0.4914, 0.4822, 0.4465],
 *     "std": [0.2471, 0.2435, 0.2616],
 *     "resize": {"rule": "stretch", "interpolation": "bilinear"}
 *   },
 *   "output": {"kind": "logits"},
 *   "classes": ["airplane", "automobile", "..."]
 * }
 * }</pre>
 *
 * <p>Defaults: colour order RGB, scale 1, mean 0, std 1, resize rule {@code stretch} with bilinear
 * interpolation. {@code scale} is a number or a fraction such as {@code "1/255"}; {@code mean} and
 * {@code std} hold one value for all channels or one per channel. Other resize rules are
 * {@code {"rule": "shorter-side-crop", "shorterSide": 256, "crop": 224}} and
 * {@code {"rule": "letterbox", "padValue": 114}}; interpolation is nearest, bilinear, bicubic or area.
 * {@code classes} is a list of names or the path of a
 * class-names file relative to the spec (see {@link ClassNames}). Output kinds per task: classification
 * {@code logits} or {@code probabilities}; segmentation {@code class-logits} ({@code backgroundClasses},
 * default [0]) or {@code foreground-probability} ({@code channel} default 0, {@code threshold} default
 * 0.5, {@code activation} none, sigmoid or softmax); detection {@code torchvision}
 * ({@code scoreThreshold}, default 0.05 as in torchvision) or {@code grid} ({@code decoder},
 * {@code scoreThreshold} and {@code nmsIou} required, {@code classAgnosticNms} default false). An
 * optional {@code description} is free text. Unknown fields are errors, so that a misspelt optional
 * field cannot silently fall back to its default.
 */
public final class ModelSpecReader {

    /** The suffix that replaces {@code .onnx} in the name of the spec beside a model. */
    public static final String SPEC_SUFFIX = ".spec.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelSpecReader() {}

    /** The model file extensions that {@link #specBeside} replaces. */
    private static final List<String> MODEL_EXTENSIONS = List.of(".onnx", ".pt", ".pth", ".torchscript");

    /**
     * Returns the spec path beside {@code modelFile}: {@code net.onnx} → {@code net.spec.json}, and the same
     * for the TorchScript extensions {@code .pt}, {@code .pth} and {@code .torchscript}.
     */
    public static Path specBeside(Path modelFile) {
        String name = modelFile.getFileName().toString();
        String stem = name;
        for (String extension : MODEL_EXTENSIONS) {
            if (name.toLowerCase(Locale.ROOT).endsWith(extension)) {
                stem = name.substring(0, name.length() - extension.length());
                break;
            }
        }
        return modelFile.resolveSibling(stem + SPEC_SUFFIX);
    }

    /**
     * Reads the spec in {@code specFile}; a class-names path in it is resolved against the spec's folder.
     *
     * @throws ModelSpecException if the file is missing, unreadable or invalid
     */
    public static ModelSpec read(Path specFile) throws ModelSpecException {
        Path absolute = specFile.toAbsolutePath();
        try (InputStream in = Files.newInputStream(absolute)) {
            return read(in, specFile.toString(), absolute.getParent());
        } catch (NoSuchFileException e) {
            throw new ModelSpecException("model spec not found: " + specFile
                    + "; write one beside the model (model.onnx → model" + SPEC_SUFFIX + ") or give its path", e);
        } catch (IOException e) {
            throw new ModelSpecException("cannot read model spec " + specFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a spec from {@code in}.
     *
     * @param source the name used in error messages and stored in {@link ModelSpec#source()}
     * @param baseDirectory the folder against which a class-names path is resolved
     * @throws ModelSpecException if the JSON is invalid or a field is missing or wrong
     */
    public static ModelSpec read(InputStream in, String source, Path baseDirectory) throws ModelSpecException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ModelSpecException(source + ": invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelSpecException("cannot read model spec " + source + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelSpecException(source + ": a model spec must be a JSON object");
        }
        return parse(new SpecObject(source, "", root), baseDirectory);
    }

    private static ModelSpec parse(SpecObject root, Path baseDirectory) throws ModelSpecException {
        root.rejectUnknownFields(Set.of("task", "input", "preprocessing", "output", "classes", "description"));
        ModelTask task = root.requiredEnum("task", ModelTask.class);
        InputSpec input = parseInput(root.requiredObject("input"));
        Preprocessing preprocessing = parsePreprocessing(root.optionalObject("preprocessing"), input);
        OutputSpec output = OutputSpecParser.parse(root.requiredObject("output"), task, input);
        List<String> classNames = parseClassNames(root, baseDirectory);
        return new ModelSpec(root.source(), task, input, preprocessing, output, classNames);
    }

    private static InputSpec parseInput(SpecObject input) throws ModelSpecException {
        input.rejectUnknownFields(Set.of("name", "shape", "layout"));
        String name = input.requiredText("name");
        List<Long> shape = input.requiredLongs("shape");
        TensorLayout layout = input.requiredEnum("layout", TensorLayout.class);
        if (shape.size() != 4) {
            throw input.error("shape", "must have 4 dimensions in " + layout + " order, got " + shape);
        }
        if (shape.get(0) == 0 || shape.get(0) < -1) {
            throw input.error("shape", "has an invalid batch size " + shape.get(0) + "; use -1 for a dynamic batch or a positive size");
        }
        for (int i = 1; i < 4; i++) {
            if (shape.get(i) <= 0) {
                throw input.error("shape", "must give fixed positive channels, height and width, got " + shape
                        + "; only the batch dimension may be -1");
            }
        }
        InputSpec spec = new InputSpec(name, shape, layout);
        if (spec.channels() != 3) {
            throw input.error("shape", "has " + spec.channels() + " channels in " + layout
                    + " order; Backdrop feeds 3-channel colour images, so check the layout and the shape");
        }
        return spec;
    }

    private static Preprocessing parsePreprocessing(SpecObject pre, InputSpec input) throws ModelSpecException {
        pre.rejectUnknownFields(Set.of("colorOrder", "scale", "mean", "std", "resize"));
        ColorOrder colorOrder = pre.optionalEnum("colorOrder", ColorOrder.class, ColorOrder.RGB);
        double scale = parseScale(pre);
        List<Double> mean = perChannel(pre, "mean", 0.0, input.channels());
        List<Double> std = perChannel(pre, "std", 1.0, input.channels());
        for (double value : std) {
            if (value == 0) {
                throw pre.error("std", "must not contain 0, because the input is divided by it");
            }
        }
        SpecObject resize = pre.optionalObject("resize");
        resize.rejectUnknownFields(Set.of("rule", "interpolation", "shorterSide", "crop", "padValue"));
        Interpolation interpolation = resize.optionalEnum("interpolation", Interpolation.class, Interpolation.BILINEAR);
        return new Preprocessing(colorOrder, scale, mean, std, parseResizeRule(resize, input), interpolation);
    }

    private static double parseScale(SpecObject pre) throws ModelSpecException {
        if (!pre.has("scale")) {
            return 1.0;
        }
        JsonNode node = pre.raw("scale");
        double scale;
        if (node.isNumber()) {
            scale = node.asDouble();
        } else if (node.isTextual() && node.asText().matches("\\s*[0-9.]+\\s*/\\s*[0-9.]+\\s*")) {
            String[] parts = node.asText().split("/");
            scale = Double.parseDouble(parts[0].trim()) / Double.parseDouble(parts[1].trim());
        } else {
            throw pre.error("scale", "must be a number or a fraction such as \"1/255\", got " + node);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw pre.error("scale", "must be a positive finite number, got " + node);
        }
        return scale;
    }

    private static List<Double> perChannel(SpecObject pre, String name, double fallback, int channels) throws ModelSpecException {
        List<Double> values = pre.optionalDoubles(name);
        if (values.isEmpty()) {
            return Collections.nCopies(channels, fallback);
        }
        if (values.size() == 1) {
            return Collections.nCopies(channels, values.get(0));
        }
        if (values.size() != channels) {
            throw pre.error(name, "has " + values.size() + " values; give 1 for all channels or " + channels + ", one per channel");
        }
        return values;
    }

    private static ResizeRule parseResizeRule(SpecObject resize, InputSpec input) throws ModelSpecException {
        String rule = resize.has("rule") ? resize.requiredText("rule") : "stretch";
        switch (rule) {
            case "stretch":
                return new ResizeRule.Stretch();
            case "shorter-side-crop":
                return parseShorterSideCrop(resize, input);
            case "letterbox":
                int padValue = resize.requiredInt("padValue");
                if (padValue < 0 || padValue > 255) {
                    throw resize.error("padValue", "must be a pixel value from 0 to 255, got " + padValue);
                }
                return new ResizeRule.Letterbox(padValue);
            default:
                throw resize.error("rule", "has the invalid value \"" + rule + "\"; use stretch, shorter-side-crop or letterbox");
        }
    }

    private static ResizeRule parseShorterSideCrop(SpecObject resize, InputSpec input) throws ModelSpecException {
        int shorterSide = resize.requiredInt("shorterSide");
        int cropWidth = input.width();
        int cropHeight = input.height();
        if (resize.has("crop")) {
            JsonNode crop = resize.raw("crop");
            if (crop.isIntegralNumber()) {
                cropWidth = crop.asInt();
                cropHeight = crop.asInt();
            } else if (crop.isArray() && crop.size() == 2 && crop.get(0).isIntegralNumber() && crop.get(1).isIntegralNumber()) {
                cropHeight = crop.get(0).asInt();
                cropWidth = crop.get(1).asInt();
            } else {
                throw resize.error("crop", "must be an integer or [height, width], got " + crop);
            }
        }
        if (cropWidth != input.width() || cropHeight != input.height()) {
            throw resize.error("crop", "is " + cropHeight + "x" + cropWidth + " (height x width) but the input is "
                    + input.height() + "x" + input.width() + "; the crop must equal the input size");
        }
        if (shorterSide < Math.min(cropWidth, cropHeight)) {
            throw resize.error("shorterSide", "is " + shorterSide + ", smaller than the crop " + cropHeight + "x" + cropWidth
                    + "; it must be at least the crop's shorter side");
        }
        return new ResizeRule.ShorterSideCrop(shorterSide, cropWidth, cropHeight);
    }

    private static List<String> parseClassNames(SpecObject root, Path baseDirectory) throws ModelSpecException {
        if (!root.has("classes")) {
            return List.of();
        }
        JsonNode classes = root.raw("classes");
        if (classes.isTextual()) {
            Path file = baseDirectory == null ? Path.of(classes.asText()) : baseDirectory.resolve(classes.asText());
            try {
                return ClassNames.read(file);
            } catch (IOException e) {
                throw root.error("classes", "names the class-names file " + file + ", which cannot be read: " + e.getMessage()
                        + "; give a path relative to the spec file");
            }
        }
        if (!classes.isArray()) {
            throw root.error("classes", "must be a list of class names or the path of a class-names file, got a "
                    + classes.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : classes) {
            if (!name.isTextual()) {
                throw root.error("classes", "must contain only strings, got " + name);
            }
            names.add(name.asText());
        }
        return names;
    }
}
