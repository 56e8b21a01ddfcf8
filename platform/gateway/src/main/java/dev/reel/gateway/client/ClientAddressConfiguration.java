package dev.reel.gateway.client;

import dev.reel.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the {@link ClientAddressResolver} for {@code reel.gateway.trusted-proxies}. */
@Configuration(proxyBeanMethods = false)
public class ClientAddressConfiguration {

    @Bean
    ClientAddressResolver clientAddressResolver(GatewayProperties properties) {
        return new ClientAddressResolver(properties.trustedProxies());
    }
}
