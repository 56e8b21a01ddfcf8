package dev.reel.gateway.filter.inbound;

import dev.reel.gateway.GatewayProperties;
import dev.reel.gateway.filter.FilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies {@code reel.gateway.cors} to cross-origin requests. It runs before security and the rate
 * limits, so a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered
 * here and never needs a token; a request from an origin not on the list is refused with 403.
 * Same-origin requests are not CORS requests and pass untouched.
 */
@Component
public class CorsFilter implements WebFilter, Ordered {

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    public CorsFilter(GatewayProperties properties) {
        GatewayProperties.Cors cors = properties.cors();
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedMethods(cors.allowedMethods());
        config.setAllowedHeaders(cors.allowedHeaders());
        config.setExposedHeaders(cors.exposedHeaders());
        config.setAllowCredentials(cors.allowCredentials());
        config.setMaxAge(cors.maxAge());
        this.configuration = config;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (CorsUtils.isCorsRequest(request)) {
            boolean valid = processor.process(configuration, exchange);
            if (!valid || CorsUtils.isPreFlightRequest(request)) {
                return Mono.empty();
            }
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return FilterOrder.CORS;
    }
}
