package dev.reel.edge.steering;

import dev.reel.edgetoken.EdgeTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link SteeringReporter} needs.
 *
 * @param steeringUrl steering's base URL, such as {@code http://localhost:8500}; reports go to
 *     {@code <steeringUrl>/api/v1/cdn/reports}
 * @param applianceId this appliance's id, also the token's session id and path suffix
 * @param baseUrl where players reach this appliance, reported as is
 * @param cidrs the client networks this appliance serves
 * @param region its region
 * @param tier its kind
 * @param interval time between reports, positive
 * @param kid the id of the edge token key that signs reports
 * @param secret that key's secret, at least {@value EdgeTokens#MIN_SECRET_BYTES} bytes; cloned
 * @param clock the clock reports are signed with
 */
public record ReporterSettings(
        URI steeringUrl,
        String applianceId,
        String baseUrl,
        List<String> cidrs,
        String region,
        Tier tier,
        Duration interval,
        String kid,
        byte[] secret,
        Clock clock) {

    /** How long a report's authorization token is valid. */
    public static final Duration TOKEN_LIFETIME = Duration.ofSeconds(60);

    /**
     * @throws IllegalArgumentException if the interval is not positive or the secret is too short
     */
    public ReporterSettings {
        Objects.requireNonNull(steeringUrl, "steeringUrl");
        Objects.requireNonNull(applianceId, "applianceId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        cidrs = List.copyOf(cidrs);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(clock, "clock");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The report interval must be positive: " + interval);
        }
        if (secret.length < EdgeTokens.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The report signing secret is too short");
        }
        secret = secret.clone();
    }

    /** The report endpoint. */
    URI reportsUri() {
        String base = steeringUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/cdn/reports");
    }

    /** The {@code Authorization} header value for a report sent now. */
    String authorization() {
        return "EdgeReport "
                + EdgeTokens.sign(
                        kid,
                        secret,
                        "/cdn/reports/" + applianceId,
                        clock.instant().plus(TOKEN_LIFETIME),
                        applianceId);
    }
}
