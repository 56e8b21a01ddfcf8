package dev.reel.kit;

import org.springframework.core.Ordered;

/**
 * The order of the kit's servlet filters, all of them ahead of Spring Security. A request is given its correlation id
 * first, so that everything after it, a shed or failed request included, is logged and answered with it; then it is
 * admitted or shed before any work is spent on it; chaos runs inside the admitted slot, so that injected latency holds
 * a slot as a slow handler would.
 */
public final class KitFilterOrder {

    /** {@link dev.reel.kit.observability.CorrelationIdFilter}. */
    public static final int CORRELATION_ID = Ordered.HIGHEST_PRECEDENCE;

    /**
     * {@link dev.reel.kit.shedding.LoadSheddingFilter}: right after Boot's server observation filter (which sits at
     * {@code HIGHEST_PRECEDENCE + 1}), so that shed requests still count in {@code http.server.requests}.
     */
    public static final int LOAD_SHEDDING = CORRELATION_ID + 2;

    /** {@link dev.reel.kit.chaos.ChaosFilter}. */
    public static final int CHAOS = LOAD_SHEDDING + 1;

    /** {@link dev.reel.kit.observability.ServedByFilter}. */
    public static final int SERVED_BY = CHAOS + 1;

    /** {@link dev.reel.kit.web.RequestBodyLimitFilter}. */
    public static final int REQUEST_BODY_LIMIT = SERVED_BY + 1;

    private KitFilterOrder() {}
}
