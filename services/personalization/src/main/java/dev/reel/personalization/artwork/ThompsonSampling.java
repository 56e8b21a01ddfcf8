package dev.reel.personalization.artwork;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Thompson sampling over Bernoulli arms (artworks): each arm's click rate has the posterior {@code Beta(1 + clicks, 1 +
 * impressions - clicks)}; one draw per arm, the largest wins. Seeded draws make the choice a pure function of the
 * counts and the seed, so a profile sees a stable artwork within an hour while the counts stand still.
 */
public final class ThompsonSampling {

    /**
     * One arm's evidence. Clicks above impressions (a click on an artwork whose impression was lost) count as
     * impressions too.
     */
    public record Arm(long impressions, long clicks) {

        public static final Arm NONE = new Arm(0, 0);

        public Arm {
            if (impressions < 0 || clicks < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
        }

        double alpha() {
            return 1.0 + clicks;
        }

        double beta() {
            return 1.0 + Math.max(0, impressions - clicks);
        }
    }

    private ThompsonSampling() {}

    /**
     * The arm to show.
     *
     * @param arms at least one
     * @param seed the draws' seed
     * @return the index of the arm with the largest posterior draw
     */
    public static int choose(List<Arm> arms, long seed) {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("no arms to choose from");
        }
        var random = new SplittableRandom(seed);
        int best = 0;
        double bestDraw = -1;
        for (int i = 0; i < arms.size(); i++) {
            Arm arm = arms.get(i);
            double draw = beta(arm.alpha(), arm.beta(), random);
            if (draw > bestDraw) {
                bestDraw = draw;
                best = i;
            }
        }
        return best;
    }

    /** The seed of a profile's draws for a title within one hour (epoch hours). */
    public static long seed(UUID profileId, UUID titleId, long epochHour) {
        long h = mix(profileId.getMostSignificantBits() ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ profileId.getLeastSignificantBits());
        h = mix(h ^ titleId.getMostSignificantBits());
        h = mix(h ^ titleId.getLeastSignificantBits());
        return mix(h ^ epochHour);
    }

    /** A draw from {@code Beta(a, b)} as {@code X / (X + Y)} with {@code X ~ Gamma(a)}, {@code Y ~ Gamma(b)}. */
    static double beta(double a, double b, SplittableRandom random) {
        double x = gamma(a, random);
        double y = gamma(b, random);
        return x / (x + y);
    }

    /** Marsaglia and Tsang's method for {@code Gamma(shape, 1)}, shape ≥ 1 (every arm has shape ≥ 1). */
    static double gamma(double shape, SplittableRandom random) {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian(random);
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; one of the pair is enough here.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
