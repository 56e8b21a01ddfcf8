package dev.reel.kit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the service kit, under {@code reel.kit}. Every field has a default that suits a service
 * on the embedded platform.
 */
@ConfigurationProperties("reel.kit")
public record KitProperties(
        @DefaultValue Security security,
        @DefaultValue Web web,
        @DefaultValue Clients clients,
        @DefaultValue Outbox outbox,
        @DefaultValue Profiles profiles,
        @DefaultValue Shedding shedding,
        @DefaultValue Chaos chaos) {

    /**
     * @param jwkSetUri where identity publishes its signing keys; a {@code http://<service-id>/} URI
     *     resolves through discovery
     * @param issuer the {@code iss} claim every accepted token must carry
     */
    public record Security(
            @DefaultValue("http://identity/.well-known/jwks.json")
            String jwkSetUri,

            @DefaultValue("reel-identity") String issuer) {}

    /** @param maxRequestBody requests with a larger body get 413 before any handler reads them */
    public record Web(@DefaultValue("1MB") DataSize maxRequestBody) {}

    /**
     * Defaults for every {@link dev.reel.kit.client.ResilientClients} client.
     *
     * @param connectTimeout time to open a connection to one instance
     * @param readTimeout time to wait for a response
     * @param connectAttempts attempts in all when an instance refuses the connection or sheds the call; each
     *     attempt goes to the next instance the load balancer picks
     * @param maxConcurrentCalls bulkhead: calls in flight per target service
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param openStateWait how long an open circuit rejects calls before it lets a few through
     * @param retryBudgetRatio retries allowed per call, per target service: with 0.1, retries add at most 10 % to the
     *     calls made, however many fail
     * @param retryBudgetMinPerSecond retries allowed per second and target whatever the traffic, so that a client
     *     making few calls can still retry
     * @param ejectionTime how long an instance that failed a connection is skipped while its service has others
     * @param zonePreference whether calls go only to instances in this instance's zone ({@code
     *     spring.cloud.loadbalancer.zone}) while any are left
     */
    public record Clients(
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("2s") Duration readTimeout,
            @DefaultValue("3") int connectAttempts,
            @DefaultValue("32") int maxConcurrentCalls,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("5s") Duration openStateWait,
            @DefaultValue("0.1") double retryBudgetRatio,
            @DefaultValue("5") int retryBudgetMinPerSecond,
            @DefaultValue("3s") Duration ejectionTime,
            @DefaultValue("true") boolean zonePreference) {}

    /**
     * @param enabled whether this instance relays its outbox to Kafka
     * @param pollInterval how often the relay looks for rows when nothing nudges it
     * @param batchSize rows published per transaction
     * @param retention how long published rows are kept before they are deleted
     */
    public record Outbox(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("200") int batchSize,
            @DefaultValue("1d") Duration retention) {}

    /**
     * Profile checks ({@link dev.reel.kit.profile.ViewerProfiles}).
     *
     * @param fresh how long identity's answer is reused without asking again
     * @param lastKnown how long the last answer may stand in while identity is unavailable
     * @param maxEntries cached (account, profile) pairs per cache
     */
    public record Profiles(
            @DefaultValue("30s") Duration fresh,
            @DefaultValue("10m") Duration lastKnown,
            @DefaultValue("10000") long maxEntries) {}

    /**
     * Server-side load shedding ({@link dev.reel.kit.shedding.LoadSheddingFilter}): an adaptive concurrency limit
     * (Gradient2) over the requests this instance serves, shedding best-effort requests first.
     *
     * @param enabled whether requests pass through the limiter at all
     * @param initialLimit the limit at start-up, before latency has been measured
     * @param minLimit the limit never shrinks below this
     * @param maxLimit the limit never grows above this
     * @param cpuShedding also shed best-effort requests by CPU utilisation ({@link
     *     dev.reel.resilience.PriorityLimiter#CPU_SHED_FROM} up)
     */
    public record Shedding(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("100") int initialLimit,
            @DefaultValue("50") int minLimit,
            @DefaultValue("400") int maxLimit,
            @DefaultValue("true") boolean cpuShedding) {

        public Shedding {
            if (minLimit < 1 || minLimit > initialLimit || initialLimit > maxLimit) {
                throw new IllegalArgumentException(
                        "reel.kit.shedding needs 1 <= min-limit <= initial-limit <= max-limit," + " not " + minLimit
                                + " / " + initialLimit + " / " + maxLimit);
            }
        }
    }

    /**
     * Fault injection ({@link dev.reel.kit.chaos.ChaosFilter}) for requests carrying a fault signed by the gateway.
     *
     * @param keyFile the shared chaos key; when it does not exist chaos is off and the header is ignored. Defaults to
     *     {@code ${reel.data-dir:.reel}/secrets/chaos.key} (set in {@link dev.reel.kit.observability.KitDefaults})
     */
    public record Chaos(
            @DefaultValue(".reel/secrets/chaos.key") Path keyFile) {}
}
