package dev.reel.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.config.server.EnableConfigServer;

/**
 * Reel's configuration server. It serves the repository's {@code config/} directory (native
 * profile) to every service: {@code application.yml} to all, {@code <service>.yml} to one. Values
 * are served as written; placeholders such as {@code ${reel.infra.kafka:...}} are resolved by the
 * client that imports them, against its own system properties.
 */
@SpringBootApplication
@EnableConfigServer
public class ConfigApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConfigApplication.class, args);
    }
}
