package dev.reel.playback.edge.internal;

import dev.reel.kit.client.ResilientClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steering client: discovery-routed, with timeout, circuit breaker and the "unknown" fallback. */
@Configuration(proxyBeanMethods = false)
class SteeringClientConfiguration {

    /** Service id of steering in discovery. */
    static final String STEERING = "steering";

    @Bean
    SteeringApi steeringApi(ResilientClients clients) {
        return clients.create(SteeringApi.class, STEERING, new SteeringApiFallback());
    }
}
