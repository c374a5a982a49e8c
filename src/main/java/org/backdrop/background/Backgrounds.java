package org.backdrop.background;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the command-line names of background methods into {@link Background}s. A name is
 * {@code METHOD} or {@code METHOD=ARGUMENTS}:
 *
 * <table>
 *   <caption>Background names</caption>
 *   <tr><th>name</th><th>background</th></tr>
 *   <tr><td>{@code red}, {@code green}, {@code blue}, {@code black}, {@code white}, {@code #rrggbb}</td>
 *       <td>{@link SolidColorBackground}</td></tr>
 *   <tr><td>{@code noise-bw}, {@code noise-uniform}, {@code noise-gaussian[=MEAN,STD]}</td>
 *       <td>{@link NoiseBackground}</td></tr>
 *   <tr><td>{@code scenes=DIR[:MAPPING]}</td><td>{@link SceneBackground}</td></tr>
 *   <tr><td>{@code bg-random}, {@code bg-same-class}, {@code bg-other-class}, {@code bg-next-class},
 *       each with an optional {@code =inpaint} (default) or {@code =tile}</td>
 *       <td>{@link OtherSampleBackground}</td></tr>
 *   <tr><td>{@code mean[=WIDTHxHEIGHT]}</td><td>{@link MeanBackground}</td></tr>
 *   <tr><td>{@code only-fg}, {@code no-fg}, {@code only-bg-b}, {@code only-bg-t}, {@code mixed-same},
 *       {@code mixed-rand}, {@code mixed-next}</td>
 *       <td>ImageNet-9's variants: {@link SolidColorBackground} (black), {@link NoForegroundBackground},
 *       {@link BlackBoxBackground}, {@link TiledBoxBackground}, {@link OtherSampleBackground}</td></tr>
 *   <tr><td>{@code correlated=P:GROUPS_FILE}</td><td>{@link CorrelatedBackground}</td></tr>
 * </table>
 *
 * <p>Method names are matched ignoring case; paths are taken as written. A colon that follows a single
 * drive letter and precedes a slash or backslash ({@code C:\photos}) is part of a path, not a separator.
 */
public final class Backgrounds {

    /** The valid names, as they appear in help text and error messages. */
    public static final List<String> NAMES = List.of(
            "red", "green", "blue", "black", "white", "#rrggbb",
            "noise-bw", "noise-uniform", "noise-gaussian[=MEAN,STD]",
            "scenes=DIR[:MAPPING]",
            "bg-random[=inpaint|tile]", "bg-same-class[=inpaint|tile]", "bg-other-class[=inpaint|tile]",
            "bg-next-class[=inpaint|tile]",
            "mean[=WIDTHxHEIGHT]",
            "only-fg", "no-fg", "only-bg-b", "only-bg-t", "mixed-same", "mixed-rand", "mixed-next",
            "correlated=P:GROUPS_FILE");

    private Backgrounds() {}

    /**
     * Parses one background name. Methods that read files (scenes, correlated) read and check them
     * here.
     *
     * @throws IllegalArgumentException if the name is unknown (the message lists the valid ones), an
     *     argument is missing or invalid, or a named file is missing or invalid
     * @throws java.io.UncheckedIOException if a named file cannot be read
     */
    public static Background parse(String spec) {
        String trimmed = spec.strip();
        int equals = trimmed.indexOf('=');
        String method = (equals < 0 ? trimmed : trimmed.substring(0, equals)).toLowerCase(Locale.ROOT);
        String argument = equals < 0 ? null : trimmed.substring(equals + 1);

        if (method.startsWith("#")) {
            requireNoArgument(spec, argument);
            return SolidColorBackground.ofHex(method);
        }
        return switch (method) {
            case "red" -> solid(spec, argument, "red", 255, 0, 0);
            case "green" -> solid(spec, argument, "green", 0, 255, 0);
            case "blue" -> solid(spec, argument, "blue", 0, 0, 255);
            case "black" -> solid(spec, argument, "black", 0, 0, 0);
            case "white" -> solid(spec, argument, "white", 255, 255, 255);
            case "only-fg" -> solid(spec, argument, "only-fg", 0, 0, 0);
            case "noise-bw" -> noArgument(spec, argument, NoiseBackground.blackAndWhite());
            case "noise-uniform" -> noArgument(spec, argument, NoiseBackground.uniform());
            case "noise-gaussian" -> gaussian(spec, argument);
            case "scenes" -> scenes(spec, argument);
            case "bg-random" -> OtherSampleBackground.borrowed(DonorRule.RANDOM, holeFill(spec, argument));
            case "bg-same-class" -> OtherSampleBackground.borrowed(DonorRule.SAME_CLASS, holeFill(spec, argument));
            case "bg-other-class" -> OtherSampleBackground.borrowed(DonorRule.OTHER_CLASS, holeFill(spec, argument));
            case "bg-next-class" -> OtherSampleBackground.borrowed(DonorRule.NEXT_CLASS, holeFill(spec, argument));
            case "mean" -> mean(spec, argument);
            case "no-fg" -> noArgument(spec, argument, new NoForegroundBackground());
            case "only-bg-b" -> noArgument(spec, argument, new BlackBoxBackground());
            case "only-bg-t" -> noArgument(spec, argument, new TiledBoxBackground());
            case "mixed-same" -> noArgument(spec, argument,
                    new OtherSampleBackground("mixed-same", DonorRule.SAME_CLASS, HoleFill.TILE));
            case "mixed-rand" -> noArgument(spec, argument,
                    new OtherSampleBackground("mixed-rand", DonorRule.RANDOM_CLASS, HoleFill.TILE));
            case "mixed-next" -> noArgument(spec, argument,
                    new OtherSampleBackground("mixed-next", DonorRule.NEXT_CLASS, HoleFill.TILE));
            case "correlated" -> correlated(spec, argument);
            default -> throw new IllegalArgumentException(
                    "unknown background '" + spec + "'; valid backgrounds: " + String.join(", ", NAMES));
        };
    }

    /**
     * Splits {@code text} at colons, except a colon right after a one-letter drive at the start of a
     * part and before a slash or backslash ({@code C:\photos:C:\map.txt} gives two parts).
     */
    static List<String> splitPaths(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != ':') {
                continue;
            }
            boolean driveColon = i == start + 1
                    && Character.isLetter(text.charAt(start))
                    && i + 1 < text.length()
                    && (text.charAt(i + 1) == '\\' || text.charAt(i + 1) == '/');
            if (!driveColon) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static Background solid(String spec, String argument, String name, int red, int green, int blue) {
        requireNoArgument(spec, argument);
        return new SolidColorBackground(name, red, green, blue);
    }

    private static Background noArgument(String spec, String argument, Background background) {
        requireNoArgument(spec, argument);
        return background;
    }

    private static void requireNoArgument(String spec, String argument) {
        if (argument != null) {
            throw new IllegalArgumentException(
                    "background '" + spec + "' takes no argument; remove the part from '=' on");
        }
    }

    private static Background gaussian(String spec, String argument) {
        if (argument == null) {
            return NoiseBackground.gaussian(NoiseBackground.DEFAULT_MEAN, NoiseBackground.DEFAULT_STD);
        }
        String[] parts = argument.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "invalid background '" + spec + "'; write noise-gaussian=MEAN,STD, for example noise-gaussian=127.5,50");
        }
        return NoiseBackground.gaussian(number(spec, parts[0]), number(spec, parts[1]));
    }

    private static Background scenes(String spec, String argument) {
        if (argument == null || argument.isBlank()) {
            throw new IllegalArgumentException(
                    "background '" + spec + "' needs a folder; write scenes=DIR or scenes=DIR:MAPPING");
        }
        List<String> paths = splitPaths(argument);
        if (paths.size() > 2 || paths.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(
                    "invalid background '" + spec + "'; write scenes=DIR or scenes=DIR:MAPPING with two non-empty paths");
        }
        Path folder = Path.of(paths.get(0));
        return paths.size() == 1 ? SceneBackground.fromFolder(folder) : SceneBackground.fromFolder(folder, Path.of(paths.get(1)));
    }

    private static HoleFill holeFill(String spec, String argument) {
        if (argument == null) {
            return HoleFill.INPAINT;
        }
        return switch (argument.strip().toLowerCase(Locale.ROOT)) {
            case "inpaint" -> HoleFill.INPAINT;
            case "tile" -> HoleFill.TILE;
            default -> throw new IllegalArgumentException(
                    "invalid hole fill in background '" + spec + "'; use =inpaint or =tile");
        };
    }

    private static Background mean(String spec, String argument) {
        if (argument == null) {
            return MeanBackground.onFirstSampleGrid();
        }
        String[] size = argument.strip().toLowerCase(Locale.ROOT).split("x", -1);
        if (size.length != 2 || !size[0].matches("\\d{1,5}") || !size[1].matches("\\d{1,5}")) {
            throw new IllegalArgumentException(
                    "invalid background '" + spec + "'; write mean=WIDTHxHEIGHT in pixels, for example mean=224x224");
        }
        return MeanBackground.onGrid(Integer.parseInt(size[0]), Integer.parseInt(size[1]));
    }

    private static Background correlated(String spec, String argument) {
        int colon = argument == null ? -1 : argument.indexOf(':');
        if (colon < 0 || argument.substring(colon + 1).isBlank()) {
            throw new IllegalArgumentException(
                    "invalid background '" + spec + "'; write correlated=P:GROUPS_FILE, for example correlated=0.95:groups.txt");
        }
        double probability = number(spec, argument.substring(0, colon));
        return CorrelatedBackground.fromGroupsFile(probability, Path.of(argument.substring(colon + 1)));
    }

    private static double number(String spec, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid number '" + text + "' in background '" + spec + "'", e);
        }
    }
}
