package dev.reel.gateway.filter.outbound;

import dev.reel.gateway.client.ClientAddressResolver;
import dev.reel.gateway.filter.FilterOrder;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the service who the client is: sets {@code X-Client-Address} to the one address the gateway resolved (the
 * socket peer, or the nearest untrusted hop behind {@code reel.gateway.trusted-proxies}), replacing whatever the client
 * sent. Services behind the gateway can therefore take the header as the client's address; playback steers by it.
 * ({@code X-Forwarded-For} is not used: Spring Cloud Gateway strips it unless its own trusted proxies are set.)
 */
@Component
public class ClientAddressFilter implements GlobalFilter, Ordered {

    /** The header sent to services. */
    public static final String HEADER = "X-Client-Address";

    private final ClientAddressResolver resolver;

    public ClientAddressFilter(ClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String client = resolver.resolve(exchange.getRequest());
        ServerWebExchange addressed = exchange.mutate()
                .request(request -> request.headers(headers -> {
                    if (ClientAddressResolver.UNKNOWN.equals(client)) {
                        headers.remove(HEADER);
                    } else {
                        headers.set(HEADER, client);
                    }
                }))
                .build();
        return chain.filter(addressed);
    }

    @Override
    public int getOrder() {
        return FilterOrder.CLIENT_ADDRESS;
    }
}
