package dev.reel.search;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

/**
 * Entry point of the search service. Search keeps no database: its index lives in memory and is rebuilt from Kafka at
 * start, so the data source the service kit's JDBC starter would configure is switched off (and with it Flyway, the
 * JDBC health check and the kit's outbox, which all need a data source).
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SearchApplication {

    public static void main(String[] args) {
        SpringApplication.run(SearchApplication.class, args);
    }
}
