package dev.reel.identity.account.internal;

import dev.reel.identity.IdentityProperties;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: Argon2id with Spring Security's 5.8 defaults (16 MiB, 2 iterations, parallelism 1), stored
 * with an {@code {argon2}} prefix so the parameters can be raised later and old hashes upgraded on login, and
 * bounded by {@link BoundedPasswordEncoder}.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final String CURRENT = "argon2";

    @Bean
    PasswordEncoder passwordEncoder(IdentityProperties properties) {
        PasswordEncoder argon2 = new DelegatingPasswordEncoder(
                CURRENT, Map.of(CURRENT, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
        IdentityProperties.Passwords limits = properties.passwords();
        return new BoundedPasswordEncoder(argon2, limits.effectiveMaxConcurrent(), limits.maxWait());
    }
}
