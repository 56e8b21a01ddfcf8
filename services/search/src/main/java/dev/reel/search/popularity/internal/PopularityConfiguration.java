package dev.reel.search.popularity.internal;

import dev.reel.search.SearchProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-memory popularity, exposed as {@link dev.reel.search.popularity.Popularity}. */
@Configuration(proxyBeanMethods = false)
class PopularityConfiguration {

    @Bean
    DecayedCounts popularity(SearchProperties settings) {
        return new DecayedCounts(
                settings.popularity().halfLife(), settings.popularity().dedupeWindow());
    }
}
