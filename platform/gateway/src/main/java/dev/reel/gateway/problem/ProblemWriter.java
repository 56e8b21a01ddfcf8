package dev.reel.gateway.problem;

import dev.reel.gateway.correlation.CorrelationId;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code application/problem+json} bodies (RFC 9457) with the members {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} (the request path) and {@code
 * correlationId}. Callers must not have committed the response.
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** Writes a problem with the status's reason phrase as title. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, detail, headers -> {});
    }

    /**
     * Writes a problem.
     *
     * @param headers adds response headers such as {@code Retry-After} or {@code WWW-Authenticate}
     */
    public Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String detail, Consumer<HttpHeaders> headers) {
        return write(exchange, status, status.getReasonPhrase(), detail, headers);
    }

    /**
     * Writes a problem with its own title, e.g. {@code Service overloaded} for a shed request.
     *
     * @param headers adds response headers such as {@code Retry-After}
     */
    public Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String title, String detail, Consumer<HttpHeaders> headers) {
        ServerHttpResponse response = exchange.getResponse();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        String correlationId = exchange.getAttribute(CorrelationId.ATTRIBUTE);
        if (correlationId != null) {
            problem.put("correlationId", correlationId);
        }
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);

        response.setStatusCode(status);
        HttpHeaders responseHeaders = response.getHeaders();
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        responseHeaders.setContentLength(body.length);
        responseHeaders.setCacheControl("no-store");
        headers.accept(responseHeaders);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
