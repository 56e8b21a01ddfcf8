package dev.reel.gateway.chaos;

import dev.reel.gateway.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires {@link ChaosLab} from {@code reel.gateway.chaos}, checking experiments every second. */
@Configuration(proxyBeanMethods = false)
class ChaosConfiguration {

    @Bean(destroyMethod = "close")
    ChaosLab chaosLab(GatewayProperties properties, MeterRegistry meters) {
        ChaosLab lab = new ChaosLab(properties.chaos().keyFile(), Clock.systemUTC(), meters);
        lab.startChecks(Duration.ofSeconds(1));
        return lab;
    }
}
