package dev.reel.gateway.shedding;

import dev.reel.gateway.GatewayProperties.CriticalityPolicy;
import dev.reel.gateway.RouteMatcher;
import dev.reel.resilience.Criticality;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Decides how much a request matters ({@link #classify}) and whether the load-shedding limiter guards it at all
 * ({@link #limited}). Immutable and thread-safe.
 */
public final class RequestClassifier {

    private final List<CompiledRule> rules;
    private final Criticality defaultLevel;
    private final RouteMatcher unlimited;
    private final List<PathPattern> limitedPaths;

    /**
     * @param policy the classification rules (first match wins), the default class and the unlimited requests
     * @param limitedPaths path patterns the limiter guards; requests outside them are never limited
     * @throws org.springframework.web.util.pattern.PatternParseException for a malformed pattern
     */
    public RequestClassifier(CriticalityPolicy policy, List<String> limitedPaths) {
        PathPatternParser parser = new PathPatternParser();
        this.rules = policy.routes().stream()
                .map(rule -> new CompiledRule(rule.method(), parser.parse(rule.path()), rule.level()))
                .toList();
        this.defaultLevel = policy.defaultLevel();
        this.unlimited = new RouteMatcher(policy.unlimited());
        this.limitedPaths = limitedPaths.stream().map(parser::parse).toList();
    }

    /** The class of the first rule matching the request, or the default class. */
    public Criticality classify(HttpMethod method, PathContainer path) {
        for (CompiledRule rule : rules) {
            if ((rule.method() == null || rule.method().equals(method))
                    && rule.pattern().matches(path)) {
                return rule.level();
            }
        }
        return defaultLevel;
    }

    /** As {@link #classify(HttpMethod, PathContainer)}, for a raw path such as {@code /api/v1/home}. */
    public Criticality classify(HttpMethod method, String path) {
        return classify(method, PathContainer.parsePath(path));
    }

    /** Whether the request takes a slot of the limiter: inside the limited paths and not listed as unlimited. */
    public boolean limited(HttpMethod method, PathContainer path) {
        return limitedPaths.stream().anyMatch(pattern -> pattern.matches(path)) && !unlimited.matches(method, path);
    }

    /** As {@link #limited(HttpMethod, PathContainer)}, for a raw path. */
    public boolean limited(HttpMethod method, String path) {
        return limited(method, PathContainer.parsePath(path));
    }

    private record CompiledRule(@Nullable HttpMethod method, PathPattern pattern, Criticality level) {}
}
