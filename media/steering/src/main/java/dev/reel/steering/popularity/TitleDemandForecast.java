package dev.reel.steering.popularity;

/**
 * A title's predicted demand.
 *
 * @param titleId the title (the catalog UUID as a lowercase string, the origin title id)
 * @param predictedViews views expected over the horizon asked for
 * @param score the decayed view score it was projected from
 * @param views views counted since steering started counting (not decayed)
 * @param predictedWatchedBytes bytes expected to be streamed over the horizon, from heartbeats; 0 before any
 * @param watchedBytes bytes streamed counted from heartbeats (not decayed)
 */
public record TitleDemandForecast(
        String titleId,
        double predictedViews,
        double score,
        long views,
        double predictedWatchedBytes,
        long watchedBytes) {}
