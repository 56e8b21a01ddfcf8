package dev.reel.gateway.fallback;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.reel.gateway.problem.ProblemWriter;
import java.util.Locale;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The fallbacks of the routes' circuit breakers (config/gateway.yml). Both are reached only by the gateway's own
 * forward; they sit under /api so that edge security still guards a direct call.
 *
 * <ul>
 *   <li>{@value #UNAVAILABLE}: a 503 problem "&lt;Service&gt; is unavailable." with {@code Retry-After: 5}, the
 *       breaker's wait in the open state, so that clients do not hammer a service known to be down;
 *   <li>{@value #DROPPED}: {@code 202 Accepted} with no body, for best-effort writes (client engagement events) that
 *       are simply dropped: a player must never retry or fail over telemetry.
 * </ul>
 */
@RestController
class ServiceFallbackController {

    static final String UNAVAILABLE = "/api/v1/fallback/unavailable";
    static final String DROPPED = "/api/v1/fallback/dropped";
    static final String RETRY_AFTER_SECONDS = "5";

    private final ProblemWriter problems;

    ServiceFallbackController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping(UNAVAILABLE)
    Mono<Void> unavailable(ServerWebExchange exchange) {
        return problems.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                serviceName(exchange) + " is unavailable.",
                headers -> headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }

    @RequestMapping(DROPPED)
    Mono<Void> dropped(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.ACCEPTED);
        return exchange.getResponse().setComplete();
    }

    /** The routed service's id ({@code lb://catalog}) capitalised, "Catalog"; "The service" outside a route. */
    private static String serviceName(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String service = route == null ? null : route.getUri().getHost();
        if (service == null || service.isEmpty()) {
            return "The service";
        }
        return service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1);
    }
}
