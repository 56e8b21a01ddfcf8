package dev.reel.viewing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the viewing service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ViewingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ViewingApplication.class, args);
    }
}
