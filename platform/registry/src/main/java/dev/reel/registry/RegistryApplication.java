package dev.reel.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.netflix.eureka.server.EnableEurekaServer;

/**
 * Reel's service registry: a standalone Eureka server tuned so that a new instance is visible at
 * once and a dead one leaves the registry within about five seconds. All tuning lives in this
 * module's {@code application.yml}; the registry does not use the config server.
 */
@SpringBootApplication
@EnableEurekaServer
public class RegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistryApplication.class, args);
    }
}
