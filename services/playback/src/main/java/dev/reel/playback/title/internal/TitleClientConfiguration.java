package dev.reel.playback.title.internal;

import dev.reel.kit.client.ResilientClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog client: discovery-routed, zone-aware, with timeout, circuit breaker and the "unknown" fallback. */
@Configuration(proxyBeanMethods = false)
class TitleClientConfiguration {

    /** Service id of the catalog in discovery. */
    static final String CATALOG = "catalog";

    @Bean
    TitleApi catalogTitleApi(ResilientClients clients) {
        return clients.create(TitleApi.class, CATALOG, new TitleApiFallback());
    }
}
