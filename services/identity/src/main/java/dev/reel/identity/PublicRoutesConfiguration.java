package dev.reel.identity;

import dev.reel.kit.security.PublicRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The identity routes that need no token; everything else requires a valid access token. */
@Configuration(proxyBeanMethods = false)
class PublicRoutesConfiguration {

    @Bean
    PublicRoutes publicRoutes() {
        return PublicRoutes.builder()
                .add(HttpMethod.POST, "/api/v1/accounts")
                .add(HttpMethod.POST, "/api/v1/auth/login")
                .add(HttpMethod.POST, "/api/v1/auth/refresh")
                .add(HttpMethod.GET, "/.well-known/jwks.json")
                .build();
    }
}
