package dev.reel.encoder.upload.internal;

import dev.reel.encoder.EncoderProperties;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link UploadService#clean()} every {@code reel.encoder.uploads.clean-interval}, first shortly after start (so
 * uploads a crash left fully received but unchecked are finished on restart). A failing pass is logged and the next
 * one runs as usual.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UploadCleaner implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(UploadCleaner.class);

    /** The first pass waits this long at most, so the service is up and serving before it runs. */
    private static final Duration FIRST_PASS = Duration.ofSeconds(10);

    private final UploadService uploads;
    private final Duration interval;

    UploadCleaner(UploadService uploads, EncoderProperties properties) {
        this.uploads = uploads;
        this.interval = properties.uploads().cleanInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration first = interval.compareTo(FIRST_PASS) < 0 ? interval : FIRST_PASS;
        registrar.addFixedDelayTask(new IntervalTask(this::pass, interval, first));
    }

    private void pass() {
        try {
            int changed = uploads.clean();
            if (changed > 0) {
                log.info("upload housekeeping: {} uploads or files cleaned", changed);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "upload housekeeping failed; next pass at {}", Instant.now().plus(interval), e);
        }
    }
}
