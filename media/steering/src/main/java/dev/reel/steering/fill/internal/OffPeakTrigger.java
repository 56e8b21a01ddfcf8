package dev.reel.steering.fill.internal;

import dev.reel.steering.SteeringProperties;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Every {@code reel.steering.fill.check-interval}, asks the fill service to plan if the off-peak window is open and
 * today's run has not happened (on any instance). A failed run is logged and retried at the next check.
 */
@Component
class OffPeakTrigger {

    private static final Logger log = LoggerFactory.getLogger(OffPeakTrigger.class);

    private final FillService fill;
    private final TaskScheduler scheduler;
    private final Duration interval;
    private volatile @Nullable ScheduledFuture<?> task;

    OffPeakTrigger(FillService fill, TaskScheduler scheduler, SteeringProperties properties) {
        this.fill = fill;
        this.scheduler = scheduler;
        this.interval = properties.fill().checkInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!interval.isPositive()) {
            log.info("off-peak fill trigger is off (check interval {})", interval);
            return;
        }
        task = scheduler.scheduleWithFixedDelay(this::check, interval);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
    }

    private void check() {
        try {
            fill.planOffPeakIfDue();
        } catch (RuntimeException e) {
            log.warn("off-peak fill failed, retrying at the next check: {}", e.toString());
        }
    }
}
