package dev.reel.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Reel's edge (Zuul's role). It routes {@code /api/v1/**} to services found in discovery,
 * validates JWTs, applies rate limits, sheds load by priority, guards routes with circuit breakers,
 * injects chaos faults, tags requests with a device class and a correlation id,
 * answers CORS and serves the static web app. Routes and policy come from {@code config/gateway.yml}
 * through the config server.
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
