package dev.reel.encoder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the encoder service: studio uploads, encoding jobs and their workers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EncoderApplication {

    public static void main(String[] args) {
        SpringApplication.run(EncoderApplication.class, args);
    }
}
