package dev.reel.resilience;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How much a request matters to a viewer, which decides the order in which load is shed: best effort first, then
 * degraded, critical last. The gateway classifies every route and stamps the class on the request it forwards in
 * {@link #HEADER}; services read it from there and pass it on with every call they make while serving the request.
 */
public enum Criticality {

    /** Logging in, starting playback, licences and heartbeats: without these nobody can watch. */
    CRITICAL("critical", 1.0),

    /** Home, search, title pages: a slower or degraded answer is acceptable. */
    DEGRADED("degraded", 0.8),

    /** Impressions, prefetch, logging: nobody notices if some are dropped. */
    BEST_EFFORT("best-effort", 0.5);

    /** The request header carrying the class from the gateway through the call chain. */
    public static final String HEADER = "Reel-Criticality";

    private final String label;
    private final double share;

    Criticality(String label, double share) {
        this.label = label;
        this.share = share;
    }

    /** The header and configuration value, e.g. {@code best-effort}. */
    public String label() {
        return label;
    }

    /**
     * The fraction of a limiter's current limit that requests of this class may fill: best effort is refused once half
     * of the limit is in flight, degraded at 80 %, critical only at the whole limit.
     */
    public double share() {
        return share;
    }

    /**
     * Parses a header or configuration value, case-insensitively.
     *
     * @return {@code fallback} if {@code value} is null, blank or unknown (an unknown class from a newer gateway must
     *     not fail the request)
     */
    public static Criticality parse(@Nullable String value, Criticality fallback) {
        if (value == null) {
            return fallback;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Criticality criticality : values()) {
            if (criticality.label.equals(wanted)) {
                return criticality;
            }
        }
        return fallback;
    }
}
