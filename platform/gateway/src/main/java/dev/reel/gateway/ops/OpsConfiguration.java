package dev.reel.gateway.ops;

import dev.reel.gateway.GatewayProperties;
import io.netty.channel.ChannelOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** Wires the ops overview from {@code reel.gateway.ops}. */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

    /** Room for a whole Prometheus page with latency histograms (Spring's default buffer is 256 KiB). */
    private static final int PROMETHEUS_PAGE_LIMIT = 8 * 1024 * 1024;

    @Bean
    OverviewCollector overviewCollector(
            ReactiveDiscoveryClient discovery,
            LoadBalancedExchangeFilterFunction loadBalancer,
            GatewayProperties properties,
            Environment environment) {
        GatewayProperties.Ops ops = properties.ops();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        ops.probeTimeout().toMillis())
                .responseTimeout(ops.probeTimeout());
        WebClient direct = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(PROMETHEUS_PAGE_LIMIT))
                .build();
        WebClient steering = WebClient.builder().filter(loadBalancer).build();
        String launcherState = ops.launcherState();
        return new OverviewCollector(
                discovery,
                new InstanceProbe(direct, ops.probeTimeout()),
                new EdgeFleet(steering, ops.appliancesUri(), ops.probeTimeout()),
                launcherState == null || launcherState.isBlank() ? null : Path.of(launcherState),
                environment.getProperty("spring.application.name", "gateway"),
                Set.copyOf(ops.trafficExcludes()),
                ops.cacheTtl(),
                ops.errorWindow(),
                ops.errorRateThreshold(),
                Clock.systemUTC());
    }
}
