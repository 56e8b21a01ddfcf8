package dev.reel.kit.events;

import java.time.Duration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.ExponentialBackOff;

/** The error policy every Reel Kafka consumer that writes to its database shares. */
public final class ConsumerErrorHandlers {

    private ConsumerErrorHandlers() {}

    /**
     * How listener containers handle a record whose processing threw: database outages (no connection, no
     * transaction, transient failures) are retried in place with exponential backoff from {@code firstBackoff} up to
     * {@code maxBackoff} and without limit, keeping the partition's order; anything else is logged and the record
     * skipped, so one bad record never blocks the ones behind it. Offsets of skipped records are committed.
     */
    public static CommonErrorHandler retryingDatabaseOutages(Duration firstBackoff, Duration maxBackoff) {
        var backOff = new ExponentialBackOff(firstBackoff.toMillis(), 2.0);
        backOff.setMaxInterval(maxBackoff.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        var handler = new DefaultErrorHandler(backOff);
        handler.defaultFalse(true);
        handler.addRetryableExceptions(
                DataAccessResourceFailureException.class,
                TransientDataAccessException.class,
                RecoverableDataAccessException.class,
                CannotCreateTransactionException.class);
        return handler;
    }
}
