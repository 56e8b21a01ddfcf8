package dev.reel.personalization.model.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The periodic work of every instance: poll for the newest model, and train when new interactions exist. */
@Component
class ModelSchedule {

    private static final Logger log = LoggerFactory.getLogger(ModelSchedule.class);

    private final ModelService models;

    ModelSchedule(ModelService models) {
        this.models = models;
    }

    @Scheduled(initialDelayString = "0", fixedDelayString = "${reel.personalization.refresh.model:10s}")
    void poll() {
        try {
            models.poll();
        } catch (RuntimeException e) {
            log.warn("model poll failed; serving the previous model: {}", e.toString());
        }
    }

    @Scheduled(
            initialDelayString = "${reel.personalization.training.interval:10m}",
            fixedDelayString = "${reel.personalization.training.interval:10m}")
    void train() {
        try {
            models.trainIfStale();
        } catch (RuntimeException e) {
            log.warn("periodic training failed: {}", e.toString());
        }
    }
}
