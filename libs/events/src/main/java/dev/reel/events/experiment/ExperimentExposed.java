package dev.reel.events.experiment;

import dev.reel.events.ReelEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An account was shown the treatment of its cell in an experiment. Published by personalization through its outbox
 * on {@link dev.reel.events.Topics#EXPERIMENT_EXPOSURES}, keyed by account, at most once per (account, experiment,
 * cell, day).
 *
 * @param experiment the experiment's name, such as {@code row-ordering}
 * @param cell the cell the account is allocated to, such as {@code model} or {@code popularity}
 */
public record ExperimentExposed(
        UUID eventId, Instant occurredAt, int schemaVersion, UUID accountId, String experiment, String cell)
        implements ReelEvent {

    public static final int SCHEMA_VERSION = 1;

    /** A new exposure happening now. */
    public static ExperimentExposed of(UUID accountId, String experiment, String cell) {
        return new ExperimentExposed(UUID.randomUUID(), Instant.now(), SCHEMA_VERSION, accountId, experiment, cell);
    }

    @Override
    public String key() {
        return accountId.toString();
    }
}
