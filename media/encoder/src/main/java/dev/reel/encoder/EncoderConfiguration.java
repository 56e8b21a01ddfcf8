package dev.reel.encoder;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.events.Topics;
import dev.reel.keystore.ContentKeyWriter;
import dev.reel.keystore.LicenceKeys;
import dev.reel.origin.OriginStore;
import dev.reel.origin.OriginStores;
import java.nio.file.Files;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Service-wide wiring: ffmpeg, the origin store, the key store and the events topic. Every encoder route needs a token
 * (and the admin role, checked per controller), so the service declares no public routes.
 */
@Configuration(proxyBeanMethods = false)
class EncoderConfiguration {

    /**
     * ffmpeg and ffprobe from {@code REEL_FFMPEG}/{@code REEL_FFPROBE} or {@code PATH}.
     *
     * @throws dev.reel.encoder.ffmpeg.FfmpegNotFoundException at start-up when they are missing: the encoder cannot
     *     work without them
     */
    @Bean
    FfmpegRunner ffmpegRunner() {
        return FfmpegRunner.fromEnvironment();
    }

    /** The origin that packaged titles are published to ({@code reel.encoder.origin.*}). */
    @Bean(destroyMethod = "close")
    OriginStore originStore(EncoderProperties properties) {
        return OriginStores.create(properties.origin());
    }

    /**
     * The key store's own small connection pool. Deliberately not a {@code DataSource} bean, which would replace the
     * service's own database.
     */
    @Bean(destroyMethod = "close")
    KeyStoreConnections keyStoreConnections(EncoderProperties properties) {
        EncoderProperties.Keys keys = properties.keys();
        HikariConfig config = new HikariConfig();
        config.setPoolName("keystore");
        config.setJdbcUrl(keys.url());
        config.setUsername(keys.username());
        config.setPassword(keys.password());
        config.setMaximumPoolSize(Math.max(1, keys.poolSize()));
        config.setMinimumIdle(0);
        return new KeyStoreConnections(new HikariDataSource(config));
    }

    /**
     * Writes content keys wrapped under the licence public key; migrates the key store's schema at start-up.
     *
     * @throws IllegalStateException at start-up when the public key file is missing
     */
    @Bean
    ContentKeyWriter contentKeyWriter(EncoderProperties properties, KeyStoreConnections connections) {
        var publicKey = properties.keys().publicKey();
        if (!Files.isRegularFile(publicKey)) {
            throw new IllegalStateException("The licence public key " + publicKey.toAbsolutePath()
                    + " does not exist (reel.encoder.keys.public-key; `reel up` generates it)");
        }
        ContentKeyWriter writer = new ContentKeyWriter(connections.dataSource(), LicenceKeys.readPublic(publicKey));
        writer.migrate();
        return writer;
    }

    /** Job progress, completion and failure events, keyed by title so each title's events stay in order. */
    @Bean
    NewTopic encodingJobsTopic() {
        return TopicBuilder.name(Topics.ENCODING_JOBS).partitions(3).build();
    }

    /** Holds the key store's pool and closes it with the context. */
    record KeyStoreConnections(HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }
    }
}
