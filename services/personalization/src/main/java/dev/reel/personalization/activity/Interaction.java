package dev.reel.personalization.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * What one profile did with one title.
 *
 * @param strength the largest watch fraction seen, 0..1 (a start alone counts {@link Activity#START_STRENGTH})
 * @param plays sessions started
 * @param lastPlayedAt the latest event's time
 * @param changedAt when this row last changed here, to tell plays since a model was trained
 */
public record Interaction(
        UUID profileId, UUID titleId, float strength, int plays, Instant lastPlayedAt, Instant changedAt) {}
