package dev.reel.personalization.home.internal;

import dev.reel.kit.client.ResilientClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The viewing client: discovery-routed, zone-aware, with timeout, circuit breaker, bulkhead and the "unknown" fallback. */
@Configuration(proxyBeanMethods = false)
class ViewingClientConfiguration {

    /** Service id of viewing in discovery. */
    static final String VIEWING = "viewing";

    @Bean
    ViewingApi viewingApi(ResilientClients clients) {
        return clients.create(ViewingApi.class, VIEWING, new ViewingApi.Fallback());
    }
}
