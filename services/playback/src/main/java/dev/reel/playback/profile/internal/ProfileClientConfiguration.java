package dev.reel.playback.profile.internal;

import dev.reel.kit.client.ResilientClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity client: discovery-routed, zone-aware, with timeout, circuit breaker and the "unknown" fallback. */
@Configuration(proxyBeanMethods = false)
class ProfileClientConfiguration {

    /** Service id of identity in discovery. */
    static final String IDENTITY = "identity";

    @Bean
    ProfileApi identityProfileApi(ResilientClients clients) {
        return clients.create(ProfileApi.class, IDENTITY, new ProfileApiFallback());
    }
}
