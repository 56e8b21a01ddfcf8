package dev.reel.resilience;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A fault to inject into one service for the requests that carry it. The gateway signs faults into the {@link
 * ChaosSigner#HEADER} request header (for all traffic, or for a ChAP experiment's cohort only); every service passes
 * the header on with the calls it makes while serving the request, and the target service's chaos filter applies it.
 *
 * @param id the fault or experiment it belongs to (letters, digits, '-'), for logs and metrics
 * @param target the service name (as in discovery) that must apply it
 * @param kind what happens to the request
 * @param percent the share of matching requests hit, 1..100
 * @param latencyMillis the delay added by {@link Kind#LATENCY}, 0 for other kinds
 * @param until after this instant the fault is void, whoever carries it
 */
public record ChaosFault(String id, String target, Kind kind, int percent, int latencyMillis, Instant until) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    /** What a fault does to a request it hits. */
    public enum Kind {
        /** Waits {@code latencyMillis} before serving the request. */
        LATENCY,
        /** Answers 500 instead of serving the request. */
        ERRORS,
        /**
         * Answers as an unreachable instance would (503, connection closed, no body): the closest a slice of traffic
         * can get to a killed process, since a process cannot be killed for some requests only.
         */
        KILL;

        /** The lower-case name used in commands and the API. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses a label such as {@code latency}; throws {@link IllegalArgumentException} naming the valid ones. */
        public static Kind parse(String label) {
            for (Kind kind : values()) {
                if (kind.label().equalsIgnoreCase(label.strip())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("fault must be latency, errors or kill, not '" + label + "'");
        }
    }

    public ChaosFault {
        if (!NAME.matcher(id).matches() || !NAME.matcher(target).matches()) {
            throw new IllegalArgumentException("id and target must be 1-64 letters, digits or '-'");
        }
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be between 1 and 100, not " + percent);
        }
        if (latencyMillis < 0 || latencyMillis > 60_000 || (kind == Kind.LATENCY) != (latencyMillis > 0)) {
            throw new IllegalArgumentException("latency faults need 1..60000 ms, other faults none");
        }
    }

    /** Whether this fault is meant for {@code service} and still in force at {@code now}. */
    public boolean appliesTo(String service, Instant now) {
        return target.equals(service) && now.isBefore(until);
    }

    /** Draws whether this request is one of the {@code percent} hit. */
    public boolean hits() {
        return percent == 100 || ThreadLocalRandom.current().nextInt(100) < percent;
    }
}
