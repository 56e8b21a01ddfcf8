package dev.reel.gateway.upstream;

import dev.reel.gateway.GatewayProperties;
import dev.reel.resilience.balancing.InstanceQuarantine;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs {@link EdgeLoadBalancerConfiguration} for every service and the shared quarantine. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = EdgeLoadBalancerConfiguration.class)
public class UpstreamConfiguration {

    @Bean
    InstanceQuarantine instanceQuarantine(GatewayProperties properties) {
        return new InstanceQuarantine(properties.upstream().ejectionTime());
    }
}
