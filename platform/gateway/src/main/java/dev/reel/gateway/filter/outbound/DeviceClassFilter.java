package dev.reel.gateway.filter.outbound;

import dev.reel.gateway.device.DeviceClass;
import dev.reel.gateway.device.DeviceClassifier;
import dev.reel.gateway.filter.FilterOrder;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the service what kind of device is calling: sets {@code X-Device-Class} ({@code tv},
 * {@code phone}, {@code tablet}, {@code desktop}) from the User-Agent, replacing any value the
 * client sent, so services can trust it.
 */
@Component
public class DeviceClassFilter implements GlobalFilter, Ordered {

    /** The header sent to services. */
    public static final String HEADER = "X-Device-Class";

    private final DeviceClassifier classifier = new DeviceClassifier();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        DeviceClass device =
                classifier.classify(exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT));
        ServerWebExchange tailored = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, device.headerValue())))
                .build();
        return chain.filter(tailored);
    }

    @Override
    public int getOrder() {
        return FilterOrder.DEVICE_CLASS;
    }
}
