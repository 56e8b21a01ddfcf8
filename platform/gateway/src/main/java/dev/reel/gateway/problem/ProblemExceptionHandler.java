package dev.reel.gateway.problem;

import dev.reel.gateway.correlation.CorrelationId;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every exception that reaches the top of the gateway into a problem response; there is no
 * HTML error page and no stack trace on the wire. It runs before Spring Boot's default handler.
 *
 * <ul>
 *   <li>no route and no static file: 404; wrong method on a static file: 405;
 *   <li>no instance of the routed service in discovery: 503;
 *   <li>connection refused or connect timeout (after the retries): 503; connection dropped
 *       mid-response: 502;
 *   <li>no response within the response timeout: 504;
 *   <li>token keys unavailable (identity unreachable): 503;
 *   <li>anything else: 500, logged with its stack trace.
 * </ul>
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problems;

    public ProblemExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        clearHeadersExceptCors(exchange.getResponse().getHeaders());
        // Runs outside the filter chain's Reactor context, so the id is put in the MDC by hand.
        String correlationId = exchange.getAttribute(CorrelationId.ATTRIBUTE);
        Mapped mapped;
        try (MDC.MDCCloseable ignored =
                MDC.putCloseable(CorrelationId.CONTEXT_KEY, correlationId == null ? "" : correlationId)) {
            mapped = map(exchange, ex);
        }
        return problems.write(exchange, mapped.status(), mapped.detail());
    }

    private Mapped map(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof NotFoundException) {
            return new Mapped(
                    HttpStatus.SERVICE_UNAVAILABLE, "No instance of the service for this route is available.");
        }
        if (ex instanceof ResponseStatusException rse) {
            return fromStatus(exchange, rse.getStatusCode(), rse.getReason());
        }
        if (ex instanceof AuthenticationServiceException) {
            log.warn("Cannot verify bearer token: {}", ex.toString());
            return new Mapped(HttpStatus.SERVICE_UNAVAILABLE, "Tokens cannot be verified right now.");
        }
        if (ex instanceof AuthenticationException) {
            return new Mapped(HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
        }
        if (ex instanceof AccessDeniedException) {
            return new Mapped(HttpStatus.FORBIDDEN, "Access denied.");
        }
        if (causedBy(ex, ConnectException.class) != null) {
            log.warn("Service unreachable for {}: {}", exchange.getRequest().getPath(), ex.toString());
            return new Mapped(HttpStatus.SERVICE_UNAVAILABLE, "The service could not be reached.");
        }
        if (causedBy(ex, TimeoutException.class) != null) {
            return new Mapped(HttpStatus.GATEWAY_TIMEOUT, "The service did not respond in time.");
        }
        if (causedBy(ex, IOException.class) != null) {
            log.warn(
                    "Service connection failed for {}: {}",
                    exchange.getRequest().getPath(),
                    ex.toString());
            return new Mapped(HttpStatus.BAD_GATEWAY, "The service closed the connection.");
        }
        log.error(
                "Unexpected error for {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                ex);
        return new Mapped(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error.");
    }

    private static Mapped fromStatus(ServerWebExchange exchange, HttpStatusCode code, @Nullable String reason) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = code.is5xxServerError() ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        String detail =
                switch (status) {
                    case NOT_FOUND ->
                        "Nothing is served at "
                                + exchange.getRequest().getPath().value() + ".";
                    case METHOD_NOT_ALLOWED -> "Method " + exchange.getRequest().getMethod() + " is not allowed here.";
                    case GATEWAY_TIMEOUT -> "The service did not respond in time.";
                    case SERVICE_UNAVAILABLE -> "The service is unavailable.";
                    default -> status.is5xxServerError() || reason == null ? status.getReasonPhrase() : reason;
                };
        return new Mapped(status, detail);
    }

    /** Drops headers a failed upstream response may have left, keeping CORS so browsers can read the error. */
    private static void clearHeadersExceptCors(HttpHeaders headers) {
        for (String name : List.copyOf(headers.headerNames())) {
            if (!name.regionMatches(true, 0, "Access-Control-", 0, 15) && !name.equalsIgnoreCase(HttpHeaders.VARY)) {
                headers.remove(name);
            }
        }
    }

    private static @Nullable Throwable causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private record Mapped(HttpStatus status, String detail) {}
}
