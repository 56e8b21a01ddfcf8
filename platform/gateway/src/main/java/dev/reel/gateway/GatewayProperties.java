package dev.reel.gateway;

import dev.reel.resilience.Criticality;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;

/**
 * The gateway's policy, bound from {@code reel.gateway.*} (normally {@code config/gateway.yml}).
 * Every field has a safe default, so a missing section never disables a protection.
 *
 * @param webRoot directory of the static web app, served at {@code /}; {@code null} serves only
 *     the copy packaged in the jar
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For}
 *     is believed; empty means the socket address is the client address
 * @param security which requests need a token and how tokens are verified
 * @param rateLimits per-client request budgets
 * @param cors cross-origin policy for browsers on other origins
 * @param upstream how the gateway treats service instances that fail
 * @param ops how the operations overview ({@code /api/v1/ops/overview}) gathers its data
 * @param criticality how much each route matters, which decides what is shed first under load
 * @param shedding the adaptive concurrency limit in front of every limited request
 * @param chaos fault injection and ChAP experiments ({@code /api/v1/chaos}, admins only)
 */
@ConfigurationProperties("reel.gateway")
public record GatewayProperties(
        @Nullable String webRoot,
        List<String> trustedProxies,
        Security security,
        RateLimits rateLimits,
        Cors cors,
        Upstream upstream,
        Ops ops,
        CriticalityPolicy criticality,
        Shedding shedding,
        Chaos chaos) {

    public GatewayProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        security = security == null ? new Security(null, null, null, null) : security;
        rateLimits = rateLimits == null ? new RateLimits(null, null, null, null, null, null) : rateLimits;
        cors = cors == null ? new Cors(null, null, null, null, null, null) : cors;
        upstream = upstream == null ? new Upstream(null, false) : upstream;
        ops = ops == null ? new Ops(null, null, null, null, null, null, null) : ops;
        criticality = criticality == null ? new CriticalityPolicy(null, null, null) : criticality;
        shedding = shedding == null ? new Shedding(null, null, null, null, null, null) : shedding;
        chaos = chaos == null ? new Chaos(null) : chaos;
    }

    /**
     * A method and a path pattern ({@code PathPattern} syntax, e.g. {@code /api/v1/titles/**}).
     *
     * @param method the HTTP method, or {@code null} for any method
     * @param path the path pattern
     */
    public record Route(@Nullable HttpMethod method, String path) {}

    /**
     * @param jwkSetUri where the identity service publishes its signing keys; a host name is a
     *     service id resolved through discovery
     * @param issuer the required {@code iss} claim
     * @param publicRoutes requests that pass without a token
     * @param protectedPaths path patterns that need a valid token unless listed in {@code
     *     publicRoutes}; everything else (the static web app) is public
     */
    public record Security(String jwkSetUri, String issuer, List<Route> publicRoutes, List<String> protectedPaths) {

        public Security {
            jwkSetUri = jwkSetUri == null ? "http://identity/.well-known/jwks.json" : jwkSetUri;
            issuer = issuer == null ? "reel-identity" : issuer;
            publicRoutes = publicRoutes == null ? List.of() : List.copyOf(publicRoutes);
            protectedPaths = protectedPaths == null ? List.of("/api/**", "/actuator/**") : List.copyOf(protectedPaths);
        }
    }

    /**
     * A token bucket: up to {@code capacity} requests at once, refilled at {@code refillTokens}
     * per {@code refillPeriod}.
     */
    public record Limit(long capacity, long refillTokens, Duration refillPeriod) {}

    /**
     * @param enabled switches every limit off when {@code false}
     * @param perIp budget of every request by client address
     * @param perAccount budget of authenticated requests by account ({@code sub})
     * @param login budget of {@code loginRoutes} by client address
     * @param loginRoutes credential-checking endpoints that get the {@code login} budget
     * @param maxTrackedClients bound on the buckets kept per limit (least recently used go first)
     */
    public record RateLimits(
            Boolean enabled,
            Limit perIp,
            Limit perAccount,
            Limit login,
            List<Route> loginRoutes,
            Long maxTrackedClients) {

        public RateLimits {
            enabled = enabled == null || enabled;
            perIp = perIp == null ? new Limit(5000, 2500, Duration.ofSeconds(1)) : perIp;
            perAccount = perAccount == null ? new Limit(1000, 500, Duration.ofSeconds(1)) : perAccount;
            login = login == null ? new Limit(5, 10, Duration.ofMinutes(1)) : login;
            loginRoutes = loginRoutes == null
                    ? List.of(new Route(HttpMethod.POST, "/api/v1/auth/login"))
                    : List.copyOf(loginRoutes);
            maxTrackedClients = maxTrackedClients == null ? 100_000L : maxTrackedClients;
        }
    }

    /**
     * @param allowedOrigins origins allowed to call the API from a browser; empty means only the
     *     gateway's own origin (same-origin requests need no CORS)
     */
    public record Cors(
            List<String> allowedOrigins,
            List<String> allowedMethods,
            List<String> allowedHeaders,
            List<String> exposedHeaders,
            Boolean allowCredentials,
            Duration maxAge) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            allowedMethods = allowedMethods == null
                    ? List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
                    : List.copyOf(allowedMethods);
            allowedHeaders = allowedHeaders == null
                    ? List.of("Authorization", "Content-Type", "X-Profile-Id", "Idempotency-Key", "X-Correlation-Id")
                    : List.copyOf(allowedHeaders);
            exposedHeaders = exposedHeaders == null
                    ? List.of("Authorization", "X-Correlation-Id", "Retry-After", "Location", "Reel-Shed")
                    : List.copyOf(exposedHeaders);
            allowCredentials = allowCredentials != null && allowCredentials;
            maxAge = maxAge == null ? Duration.ofMinutes(30) : maxAge;
        }
    }

    /**
     * @param ejectionTime how long an instance that refused or dropped a connection is skipped
     *     while other instances of its service are available
     * @param zonePreference whether to route only to instances in the gateway's own zone while any
     *     are available; off by default, because one gateway fronts every zone locally
     */
    public record Upstream(Duration ejectionTime, boolean zonePreference) {

        public Upstream {
            ejectionTime = ejectionTime == null ? Duration.ofSeconds(3) : ejectionTime;
        }
    }

    /**
     * @param launcherState the local launcher's {@code state.json}; {@code null}, blank or a missing file means there
     *     is no launcher view and the overview relies on discovery alone
     * @param probeTimeout how long one instance may take to answer its health or metrics request
     * @param cacheTtl how long one gathered overview is reused, so that many open ops pages do not multiply the load
     * @param errorWindow the span over which the overview's error rate is measured
     * @param errorRateThreshold share of 5xx answers above which the platform counts as degraded
     * @param appliancesUri steering's fleet listing; a host name is a service id resolved through discovery
     * @param trafficExcludes services whose requests are not the platform's traffic (discovery's own heartbeats and
     *     fetches, configuration reads); the gateway itself is always left out, as it would count each request twice
     */
    public record Ops(
            @Nullable String launcherState,
            Duration probeTimeout,
            Duration cacheTtl,
            Duration errorWindow,
            Double errorRateThreshold,
            String appliancesUri,
            List<String> trafficExcludes) {

        public Ops {
            probeTimeout = probeTimeout == null ? Duration.ofMillis(800) : probeTimeout;
            cacheTtl = cacheTtl == null ? Duration.ofMillis(1500) : cacheTtl;
            errorWindow = errorWindow == null ? Duration.ofSeconds(30) : errorWindow;
            errorRateThreshold = errorRateThreshold == null ? 0.01 : errorRateThreshold;
            appliancesUri = appliancesUri == null ? "http://steering/api/v1/cdn/appliances?size=100" : appliancesUri;
        }
    }

    /**
     * One classification rule: requests with this method (any when {@code null}) and a path matching {@code path}
     * ({@code PathPattern} syntax) have criticality {@code level}.
     */
    public record CriticalityRule(@Nullable HttpMethod method, String path, Criticality level) {}

    /**
     * @param routes classification rules, the first match wins
     * @param defaultLevel the class of requests no rule matches
     * @param unlimited requests that are classified but never limited nor shed: long streams and uploads, whose
     *     duration says nothing about capacity, and health checks
     */
    public record CriticalityPolicy(List<CriticalityRule> routes, Criticality defaultLevel, List<Route> unlimited) {

        public CriticalityPolicy {
            routes = routes == null ? List.of() : List.copyOf(routes);
            defaultLevel = defaultLevel == null ? Criticality.DEGRADED : defaultLevel;
            unlimited = unlimited == null ? List.of() : List.copyOf(unlimited);
        }
    }

    /**
     * The gateway's {@code PriorityLimiter} (a Gradient2 adaptive limit).
     *
     * @param enabled switches shedding off when {@code false} (requests are still classified and stamped)
     * @param initialLimit the concurrency limit at start
     * @param minLimit the limit never drops below this
     * @param maxLimit the limit never grows above this
     * @param cpuShedding also shed best-effort requests by CPU utilisation ({@link
     *     dev.reel.resilience.PriorityLimiter#CPU_SHED_FROM} up), default {@code true}
     * @param limitedPaths path patterns the limiter guards (the API); everything else, the static web app, is never
     *     limited
     */
    public record Shedding(
            Boolean enabled,
            Integer initialLimit,
            Integer minLimit,
            Integer maxLimit,
            Boolean cpuShedding,
            List<String> limitedPaths) {

        public Shedding {
            enabled = enabled == null || enabled;
            cpuShedding = cpuShedding == null || cpuShedding;
            initialLimit = initialLimit == null ? 100 : initialLimit;
            minLimit = minLimit == null ? 50 : minLimit;
            maxLimit = maxLimit == null ? 2000 : maxLimit;
            limitedPaths = limitedPaths == null ? List.of("/api/**", "/actuator/**") : List.copyOf(limitedPaths);
            if (minLimit < 1 || minLimit > initialLimit || initialLimit > maxLimit) {
                throw new IllegalArgumentException(
                        "reel.gateway.shedding needs 1 <= min-limit <= initial-limit <= max-limit");
            }
        }
    }

    /**
     * @param keyFile the shared chaos signing key (base64, made by {@code reel up}); while it is missing chaos is off
     */
    public record Chaos(Path keyFile) {

        public Chaos {
            keyFile = keyFile == null ? Path.of(".reel", "secrets", "chaos.key") : keyFile;
        }
    }
}
