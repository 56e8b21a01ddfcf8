package dev.reel.gateway.shedding;

import dev.reel.gateway.GatewayProperties;
import dev.reel.resilience.CpuLoad;
import dev.reel.resilience.PriorityLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's request classifier and its priority limiter ({@code limiter=gateway} in the metrics). */
@Configuration(proxyBeanMethods = false)
public class SheddingConfiguration {

    /** The limiter's name in the {@code reel.shedding.*} metrics and in shed answers. */
    public static final String LIMITER = "gateway";

    @Bean
    RequestClassifier requestClassifier(GatewayProperties properties) {
        return new RequestClassifier(
                properties.criticality(), properties.shedding().limitedPaths());
    }

    @Bean
    PriorityLimiter gatewayLimiter(GatewayProperties properties, MeterRegistry meters) {
        GatewayProperties.Shedding shedding = properties.shedding();
        PriorityLimiter.Builder limiter = PriorityLimiter.newBuilder(LIMITER, meters)
                .limit(PriorityLimiter.gradient2(shedding.initialLimit(), shedding.minLimit(), shedding.maxLimit()));
        if (shedding.cpuShedding()) {
            limiter.cpuShedding(CpuLoad.SYSTEM);
        }
        return limiter.build();
    }
}
