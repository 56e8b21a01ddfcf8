package dev.reel.gateway.web;

import dev.reel.gateway.filter.FilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A strict Content Security Policy on the web app's files (everything outside {@code /api/} and {@code /actuator/}):
 * scripts and styles only from the gateway itself, no inline code, no framing. Media segments come from the edge
 * appliances on other origins, so {@code connect-src} allows any http(s) origin; hls.js feeds them to the video
 * element through MSE ({@code blob:}) and runs its transmuxer in a {@code blob:} worker.
 */
@Component
public class WebAppHeadersFilter implements WebFilter, Ordered {

    static final String POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob: http: https:",
            "media-src 'self' blob:",
            "connect-src 'self' http: https:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") && !path.startsWith("/actuator/")) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", POLICY);
                headers.set("Referrer-Policy", "same-origin");
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return FilterOrder.WEB_APP_HEADERS;
    }
}
