package dev.reel.gateway.filter;

import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;

/**
 * The one place that orders the gateway's filters. Each constant is defined relative to the one
 * before it, so the sequence reads top to bottom:
 *
 * <ol>
 *   <li>inbound web filters (every request, routed or static): correlation id, CORS, the removal of headers only
 *       the gateway may set, load shedding, the per-address limits, then Spring Security's chain, then the
 *       per-account limit, which needs the caller;
 *   <li>outbound global filters (requests routed to a service only): chaos outside the route's own filters (its
 *       circuit breaker and retries), the others before the request URL is resolved and the load balancer picks an
 *       instance.
 * </ol>
 */
public final class FilterOrder {

    private static final int STEP = 10;

    /** First of all, so that every log line and problem body carries the id. */
    public static final int CORRELATION_ID = Ordered.HIGHEST_PRECEDENCE;

    /** Only registers response headers for the web app's pages, so that even a rejected request carries them. */
    public static final int WEB_APP_HEADERS = CORRELATION_ID + 1;

    /** Answers preflights before anything can reject them. */
    public static final int CORS = CORRELATION_ID + STEP;

    /** Drops the headers only the gateway may set ({@code Reel-Chaos}, {@code Reel-Cohort}) before anyone reads them. */
    public static final int RESERVED_HEADERS = CORS + STEP;

    /**
     * Classifies the request, stamps {@code Reel-Criticality} and sheds by priority; before the rate limits, so that an
     * overloaded gateway spends nothing on requests it is going to refuse.
     */
    public static final int LOAD_SHEDDING = RESERVED_HEADERS + STEP;

    /** Cheapest protection first: one bucket per client address for every request. */
    public static final int IP_RATE_LIMIT = LOAD_SHEDDING + STEP;

    /** Tight per-address budget for credential checks, before any token work. */
    public static final int LOGIN_RATE_LIMIT = IP_RATE_LIMIT + STEP;

    /**
     * Spring Security's filter chain (JWT validation); its order is fixed by {@link
     * EnableWebFluxSecurity} and only referenced here.
     */
    public static final int SECURITY = -100;

    /** Needs the authenticated account, so it runs after the security chain. */
    public static final int ACCOUNT_RATE_LIMIT = SECURITY + STEP;

    /**
     * Stamps chaos faults and counts ChAP cohorts. Outside the route's filters (circuit breaker, retries, which are
     * ordered from 1) and the response writer, so it counts the answer the client gets, fallbacks included, once.
     */
    public static final int CHAOS = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - STEP;

    /** Shapes the request sent to the service; before the route's URL is resolved. */
    public static final int DEVICE_CLASS = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER - STEP;

    /** Also shapes the request sent to the service: the client's address for services that steer by it. */
    public static final int CLIENT_ADDRESS = DEVICE_CLASS + 1;

    private FilterOrder() {}
}
