package dev.reel.personalization.model;

import java.time.Instant;
import java.util.UUID;

/**
 * What a training run produced; the body of {@code POST /api/v1/recs/train}.
 *
 * @param users profiles in the matrix
 * @param items titles in the matrix
 * @param interactions non-zero cells
 * @param trainingMillis time spent in ALS
 */
public record TrainingResult(
        UUID modelId, Instant trainedAt, int users, int items, int interactions, long trainingMillis) {}
