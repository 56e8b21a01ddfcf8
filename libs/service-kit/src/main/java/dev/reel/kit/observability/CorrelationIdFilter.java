package dev.reel.kit.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: the caller's {@value #HEADER} when it is well formed (the
 * gateway always sends one), a new one otherwise. The id is in the logging context for the request's
 * whole life, is echoed in the response, and travels on with outgoing calls and events.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    /** The header that carries the correlation id between services and back to the client. */
    public static final String HEADER = "X-Correlation-Id";

    /** The key under which the id sits in the logging context. */
    public static final String MDC_KEY = "correlationId";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The caller's id if it is safe to log and pass on, otherwise a fresh one. */
    static String accept(@Nullable String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }

    /** The correlation id of the request this thread is serving, or null outside a request. */
    public static @Nullable String current() {
        return MDC.get(MDC_KEY);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = accept(request.getHeader(HEADER));
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
