package dev.reel.gateway.chaos;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a running ChAP experiment is hurting viewers, from the two cohorts' stream starts. Pure arithmetic, no
 * state.
 *
 * <p>Nothing is decided until the control cohort has at least {@code minStarts} successful starts. Then the experiment
 * is harmful when either holds:
 *
 * <ul>
 *   <li>its starts per account are below control's by more than the margin, and a one-sided binomial z-test says the
 *       shortfall is real: of the {@code n} starts of both cohorts, the experiment's share is expected to be {@code p0}
 *       = its share of the accounts; {@code z = (Ce - n p0) / sqrt(n p0 (1 - p0)) < -2.33} (1 % significance);
 *   <li>its start failure rate (failed of attempted) exceeds control's by more than the margin, and the same test on
 *       the failures ({@code p0} = its share of the attempts) gives {@code z > 2.33}.
 * </ul>
 */
final class ExperimentVerdict {

    /** One-sided 1 % critical value of the standard normal distribution. */
    static final double Z_CRITICAL = 2.33;

    private ExperimentVerdict() {}

    /**
     * A cohort's figures.
     *
     * @param accounts distinct accounts seen
     * @param starts successful playback-session starts
     * @param failedStarts starts answered with a 5xx or not at all
     */
    record Figures(long accounts, long starts, long failedStarts) {

        long attempts() {
            return starts + failedStarts;
        }
    }

    /**
     * @param margin the tolerated shortfall as a fraction, e.g. 0.1 for 10 %
     * @return why the experiment must stop, in words quoting the figures; empty while it may go on
     */
    static Optional<String> harm(Figures control, Figures experiment, long minStarts, double margin) {
        if (control.starts() < minStarts || control.accounts() == 0 || experiment.accounts() == 0) {
            return Optional.empty();
        }
        double controlRate = (double) control.starts() / control.accounts();
        double experimentRate = (double) experiment.starts() / experiment.accounts();
        if (experimentRate < controlRate * (1 - margin)) {
            double z = z(
                    experiment.starts(),
                    control.starts() + experiment.starts(),
                    (double) experiment.accounts() / (experiment.accounts() + control.accounts()));
            if (z < -Z_CRITICAL) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "the experiment cohort started %.2f streams per account (%d starts by %d accounts) against"
                                + " control's %.2f (%d starts by %d accounts): %.0f %% below control, more than the"
                                + " %.0f %% margin (z = %.2f)",
                        experimentRate,
                        experiment.starts(),
                        experiment.accounts(),
                        controlRate,
                        control.starts(),
                        control.accounts(),
                        100 * (1 - experimentRate / controlRate),
                        100 * margin,
                        z));
            }
        }
        if (experiment.attempts() > 0 && control.attempts() > 0) {
            double controlFailures = (double) control.failedStarts() / control.attempts();
            double experimentFailures = (double) experiment.failedStarts() / experiment.attempts();
            if (experimentFailures > controlFailures + margin) {
                double z = z(
                        experiment.failedStarts(),
                        control.failedStarts() + experiment.failedStarts(),
                        (double) experiment.attempts() / (experiment.attempts() + control.attempts()));
                if (z > Z_CRITICAL) {
                    return Optional.of(String.format(
                            Locale.ROOT,
                            "the experiment cohort's start failure rate was %.1f %% (%d of %d) against control's"
                                    + " %.1f %% (%d of %d): more than %.0f points above control (z = %.2f)",
                            100 * experimentFailures,
                            experiment.failedStarts(),
                            experiment.attempts(),
                            100 * controlFailures,
                            control.failedStarts(),
                            control.attempts(),
                            100 * margin,
                            z));
                }
            }
        }
        return Optional.empty();
    }

    /** The binomial z-score of {@code observed} successes in {@code n} trials with success probability {@code p0}. */
    static double z(long observed, long n, double p0) {
        if (n == 0 || p0 <= 0 || p0 >= 1) {
            return 0;
        }
        return (observed - n * p0) / Math.sqrt(n * p0 * (1 - p0));
    }
}
