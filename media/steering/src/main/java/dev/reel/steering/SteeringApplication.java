package dev.reel.steering;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the steering service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SteeringApplication {

    public static void main(String[] args) {
        SpringApplication.run(SteeringApplication.class, args);
    }
}
