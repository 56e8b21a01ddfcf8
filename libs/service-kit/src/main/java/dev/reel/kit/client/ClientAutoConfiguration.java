package dev.reel.kit.client;

import dev.reel.kit.KitProperties;
import dev.reel.resilience.balancing.InstanceQuarantine;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * The {@link ResilientClients} factory, with its Resilience4j registries published as metrics, and the load balancer
 * every client uses ({@link KitLoadBalancerConfiguration}, with one {@link InstanceQuarantine} for all targets).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.cloud.loadbalancer.config.BlockingLoadBalancerClientAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@EnableConfigurationProperties(KitProperties.class)
@LoadBalancerClients(defaultConfiguration = KitLoadBalancerConfiguration.class)
public class ClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InstanceQuarantine instanceQuarantine(KitProperties properties) {
        return new InstanceQuarantine(properties.clients().ejectionTime());
    }

    @Bean
    @ConditionalOnMissingBean
    ResilientClients resilientClients(
            ObjectProvider<RestClient.Builder> builders,
            LoadBalancerClient loadBalancer,
            KitProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        var circuitBreakers = CircuitBreakerRegistry.ofDefaults();
        var bulkheads = BulkheadRegistry.ofDefaults();
        var retries = RetryRegistry.ofDefaults();
        meters.ifAvailable(registry -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers)
                    .bindTo(registry);
            TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
            TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
        });
        return new ResilientClients(
                builders,
                loadBalancer,
                circuitBreakers,
                bulkheads,
                retries,
                properties.clients(),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }
}
