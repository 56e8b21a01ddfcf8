package dev.reel.personalization.experiment.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.reel.events.Topics;
import dev.reel.events.experiment.ExperimentExposed;
import dev.reel.kit.events.Outbox;
import dev.reel.personalization.PersonalizationProperties;
import dev.reel.personalization.experiment.Allocation;
import dev.reel.personalization.experiment.Experiments;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Experiments} with the exposure ledger: the (account, experiment, cell, day) row and the outbox event are
 * written in one transaction, so the event is published exactly when the row is new (at least once, like every outbox
 * event). An in-memory set of exposures already written saves the database round trip on later pages of the day; a
 * failed write is forgotten and tried again on the next page.
 */
@Service
class ExperimentService implements Experiments, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExperimentService.class);

    private final Map<String, PersonalizationProperties.Experiment> experiments;
    private final ExposureRepository repository;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Cache<Exposure, Boolean> logged = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(Duration.ofHours(25))
            .build();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    ExperimentService(
            PersonalizationProperties properties,
            ExposureRepository repository,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock) {
        this.experiments = properties.experiments();
        this.repository = repository;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Exposure(UUID accountId, String experiment, String cell, LocalDate day) {}

    @Override
    public String expose(UUID accountId, String experiment) {
        PersonalizationProperties.Experiment config = experiments.get(experiment);
        if (config == null) {
            throw new IllegalArgumentException("no experiment " + experiment + " is configured");
        }
        String cell = Allocation.cell(accountId, experiment, config);
        var exposure = new Exposure(accountId, experiment, cell, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (logged.asMap().putIfAbsent(exposure, Boolean.TRUE) == null) {
            background.execute(() -> write(exposure));
        }
        return cell;
    }

    private void write(Exposure exposure) {
        try {
            transactions.executeWithoutResult(status -> {
                if (repository.record(exposure.accountId(), exposure.experiment(), exposure.cell(), exposure.day())) {
                    outbox.append(
                            Topics.EXPERIMENT_EXPOSURES,
                            ExperimentExposed.of(exposure.accountId(), exposure.experiment(), exposure.cell()));
                }
            });
        } catch (RuntimeException e) {
            logged.invalidate(exposure);
            log.warn("could not log exposure {}; the next page tries again: {}", exposure, e.toString());
        }
    }

    @Override
    public void close() {
        background.close();
    }
}
