/**
 * The job engine: the PostgreSQL task queue ({@code FOR UPDATE SKIP LOCKED} with renewed leases and fenced
 * completion), the workers, the stage pipeline, progress and the outbox events.
 */
@NullMarked
package dev.reel.encoder.job.internal;

import org.jspecify.annotations.NullMarked;
