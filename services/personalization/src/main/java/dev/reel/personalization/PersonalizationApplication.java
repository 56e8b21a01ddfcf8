package dev.reel.personalization;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the personalization service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PersonalizationApplication {

    public static void main(String[] args) {
        SpringApplication.run(PersonalizationApplication.class, args);
    }
}
