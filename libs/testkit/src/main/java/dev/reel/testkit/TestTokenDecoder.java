package dev.reel.testkit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Makes a service under test accept {@link TestTokens}: add it to {@code @SpringBootTest(classes = ...)} next to the
 * application class, and the service kit's JWKS-backed decoder backs off.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestTokenDecoder {

    @Bean
    JwtDecoder jwtDecoder() {
        return TestTokens.decoder();
    }
}
