package dev.reel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class IdentityPropertiesTest {

    @Test
    void defaultsMatchTheContract() {
        IdentityProperties properties = bind(Map.of());
        assertThat(properties.tokens().issuer()).isEqualTo("reel-identity");
        assertThat(properties.tokens().accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.tokens().refreshTokenTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(properties.lockout().maxFailures()).isEqualTo(5);
        assertThat(properties.lockout().initialLock()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.lockout().maxLock()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.profiles().maxPerAccount()).isEqualTo(5);
        assertThat(properties.passwords().effectiveMaxConcurrent())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(properties.bootstrapAdmin().configured()).isFalse();
    }

    @Test
    void bootstrapAdminBindsFromTheLaunchersEnvironmentVariables() {
        IdentityProperties properties = bind(Map.of(
                "REEL_IDENTITY_BOOTSTRAP_ADMIN_EMAIL", "admin@reel.local",
                "REEL_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD", "correct horse battery"));
        assertThat(properties.bootstrapAdmin().email()).isEqualTo("admin@reel.local");
        assertThat(properties.bootstrapAdmin().password()).isEqualTo("correct horse battery");
        assertThat(properties.bootstrapAdmin().configured()).isTrue();
    }

    @Test
    void blankBootstrapAdminIsNotConfigured() {
        IdentityProperties properties = bind(Map.of(
                "REEL_IDENTITY_BOOTSTRAP_ADMIN_EMAIL",
                "admin@reel.local",
                "REEL_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD",
                ""));
        assertThat(properties.bootstrapAdmin().configured()).isFalse();
    }

    private static IdentityProperties bind(Map<String, Object> environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment();
        // Replaces the real environment; the source name makes Boot apply its environment-variable mapping.
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("reel.identity", IdentityProperties.class);
    }
}
