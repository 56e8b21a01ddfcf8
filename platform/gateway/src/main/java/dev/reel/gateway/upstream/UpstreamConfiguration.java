package dev.reel.gateway.upstream;

import dev.reel.gateway.GatewayProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs {@link EdgeLoadBalancerConfiguration} for every service and the shared quarantine. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = EdgeLoadBalancerConfiguration.class)
public class UpstreamConfiguration {

    @Bean
    UpstreamQuarantine upstreamQuarantine(GatewayProperties properties) {
        return new UpstreamQuarantine(properties.upstream().ejectionTime());
    }
}
