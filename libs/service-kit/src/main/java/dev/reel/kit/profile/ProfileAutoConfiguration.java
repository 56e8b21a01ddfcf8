package dev.reel.kit.profile;

import dev.reel.kit.KitProperties;
import dev.reel.kit.client.ClientAutoConfiguration;
import dev.reel.kit.client.ResilientClients;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** {@link ViewerProfiles} on a resilient identity client, for every service that acts for profiles. */
@AutoConfiguration(after = ClientAutoConfiguration.class)
@ConditionalOnBean(ResilientClients.class)
@EnableConfigurationProperties(KitProperties.class)
public class ProfileAutoConfiguration {

    /** Service id of identity in discovery. */
    static final String IDENTITY = "identity";

    @Bean
    @ConditionalOnMissingBean
    ViewerProfiles viewerProfiles(ResilientClients clients, KitProperties properties) {
        return new ViewerProfiles(
                clients.create(ProfileApi.class, IDENTITY, new ProfileApi.Fallback()), properties.profiles());
    }
}
