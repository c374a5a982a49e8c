package org.backdrop.background;

import java.util.Locale;
import java.util.Optional;
import org.backdrop.ProgressListener;
import org.backdrop.image.RgbImage;

/**
 * Another sample's background with its own object removed: a donor is drawn by a {@link DonorRule},
 * its object hole is filled by a {@link HoleFill}, and the result is scaled to cover the sample and
 * cropped around its centre ({@link Resizing#coverAndCenterCrop}).
 *
 * <p>When a donor leaves nothing to fill from (its mask covers every pixel, or its box the whole
 * image), the next donor is drawn from the same generator, up to {@value #MAX_DRAWS} draws.
 *
 * <p>Command-line names: {@code bg-random}, {@code bg-same-class}, {@code bg-other-class} and
 * {@code bg-next-class}, each with {@code =inpaint} (the default) or {@code =tile}; and ImageNet-9's
 * {@code mixed-same}, {@code mixed-rand} and {@code mixed-next}, which put the object onto the
 * Only-BG-T background ({@link HoleFill#TILE}) of another image of the same class, of a random class,
 * and of the next class.
 */
public final class OtherSampleBackground implements Background {

    /** How many donors are tried for one sample before it is reported as unavailable. */
    public static final int MAX_DRAWS = 16;

    private final String name;
    private final DonorRule rule;
    private final HoleFill fill;
    private final SamplePool pool;
    private final ClassIndex classes;

    /** Creates an unprepared background; call {@link #prepare} before rendering. */
    public OtherSampleBackground(String name, DonorRule rule, HoleFill fill) {
        this(name, rule, fill, null, null);
    }

    private OtherSampleBackground(String name, DonorRule rule, HoleFill fill, SamplePool pool, ClassIndex classes) {
        this.name = name;
        this.rule = rule;
        this.fill = fill;
        this.pool = pool;
        this.classes = classes;
    }

    /**
     * Returns the {@code bg-*} background for a rule and fill, named as on the command line. The name
     * for {@link DonorRule#RANDOM_CLASS}, {@code bg-random-class}, has no command-line form, because
     * {@code mixed-rand} is that rule with tiling.
     */
    public static OtherSampleBackground borrowed(DonorRule rule, HoleFill fill) {
        String ruleName = switch (rule) {
            case RANDOM -> "bg-random";
            case SAME_CLASS -> "bg-same-class";
            case OTHER_CLASS -> "bg-other-class";
            case NEXT_CLASS -> "bg-next-class";
            case RANDOM_CLASS -> "bg-random-class";
        };
        return new OtherSampleBackground(ruleName + "=" + fill.name().toLowerCase(Locale.ROOT), rule, fill);
    }

    @Override
    public String name() {
        return name;
    }

    /** Returns the donor rule. */
    public DonorRule rule() {
        return rule;
    }

    /** Returns the method that fills the donor's object hole. */
    public HoleFill fill() {
        return fill;
    }

    /** Indexes the pool's samples by class. */
    @Override
    public Background prepare(SamplePool pool, ProgressListener progress) {
        return new OtherSampleBackground(name, rule, fill, pool, ClassIndex.of(pool, progress));
    }

    /**
     * @throws BackgroundUnavailableException if no sample fits the rule or no drawn donor leaves
     *     background to fill from
     * @throws IllegalStateException if this background was not prepared
     * @throws IllegalArgumentException if the request's pool is not the prepared one
     */
    @Override
    public RgbImage render(BackgroundRequest request) {
        FilledDonor donor = drawDonor(request).orElseThrow(() -> new BackgroundUnavailableException(
                "sample " + request.sampleId() + ": no other sample fits " + name + " (class " + request.label()
                        + ", " + classes.classCount() + " classes, " + classes.size() + " samples)"));
        return Resizing.coverAndCenterCrop(donor.background(), request.width(), request.height());
    }

    /**
     * Returns the index of the donor whose background {@link #render} uses for this request, or -1
     * when no sample fits the rule, so that callers can record the pairing in a manifest.
     *
     * @throws BackgroundUnavailableException if no drawn donor leaves background to fill from
     */
    public int chooseDonor(BackgroundRequest request) {
        return drawDonor(request).map(FilledDonor::index).orElse(-1);
    }

    private Optional<FilledDonor> drawDonor(BackgroundRequest request) {
        requirePrepared(request);
        SplitMix64 random = request.random();
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            int donor = rule.choose(classes, request.index(), request.label(), random);
            if (donor < 0) {
                return Optional.empty();
            }
            RgbImage image = pool.image(donor);
            byte[] mask = pool.mask(donor);
            Optional<PixelBox> box = fill == HoleFill.TILE ? SamplePool.objectBox(pool, donor, image, mask) : Optional.empty();
            Optional<RgbImage> filled = fill.fill(image, mask, box);
            if (filled.isPresent()) {
                return Optional.of(new FilledDonor(donor, filled.get()));
            }
        }
        throw new BackgroundUnavailableException(
                "sample " + request.sampleId() + ": none of " + MAX_DRAWS + " donors drawn for " + name
                        + " leaves background to fill from, because their objects cover the whole image");
    }

    private void requirePrepared(BackgroundRequest request) {
        if (classes == null) {
            throw new IllegalStateException(name + " was not prepared; call prepare(pool, progress) before rendering");
        }
        if (request.pool() != pool) {
            throw new IllegalArgumentException(
                    "sample " + request.sampleId() + ": the request's pool is not the one " + name
                            + " was prepared with; prepare it again for this pool");
        }
    }

    private record FilledDonor(int index, RgbImage background) {}
}
