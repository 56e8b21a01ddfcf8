package dev.reel.search.index.internal;

import dev.reel.search.SearchProperties;
import dev.reel.search.popularity.Popularity;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-memory Lucene index, closed with the context. */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean
    LuceneTitleIndex titleIndex(SearchProperties settings, Popularity popularity) {
        return new LuceneTitleIndex(settings, popularity, Clock.systemUTC());
    }
}
