package dev.reel.playback.licence.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.reel.keystore.ContentKeyReader;
import dev.reel.keystore.LicenceKeys;
import dev.reel.playback.PlaybackProperties;
import java.nio.file.Files;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key store's own small connection pool and the content key reader holding the licence private key. */
@Configuration(proxyBeanMethods = false)
class KeyStoreConfiguration {

    /**
     * The key store's pool. Deliberately not a {@code DataSource} bean, which would replace the service's own
     * database.
     */
    @Bean(destroyMethod = "close")
    KeyStoreConnections keyStoreConnections(PlaybackProperties properties) {
        PlaybackProperties.Keys keys = properties.keys();
        HikariConfig config = new HikariConfig();
        config.setPoolName("keystore");
        config.setJdbcUrl(keys.url());
        config.setUsername(keys.username());
        config.setPassword(keys.password());
        config.setMaximumPoolSize(Math.max(1, keys.poolSize()));
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        return new KeyStoreConnections(new HikariDataSource(config));
    }

    /**
     * Unwraps content keys with the licence private key. The schema is the encoder's to migrate; playback only reads.
     *
     * @throws IllegalStateException at start-up when the private key file is missing
     */
    @Bean
    ContentKeyReader contentKeyReader(PlaybackProperties properties, KeyStoreConnections connections) {
        var privateKey = properties.keys().privateKey();
        if (!Files.isRegularFile(privateKey)) {
            throw new IllegalStateException("The licence private key " + privateKey.toAbsolutePath()
                    + " does not exist (reel.playback.keys.private-key; `reel up` generates it)");
        }
        return new ContentKeyReader(connections.dataSource(), LicenceKeys.readPrivate(privateKey));
    }

    /** Holds the key store's pool and closes it with the context. */
    record KeyStoreConnections(HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }
    }
}
