package dev.reel.gateway.chaos;

/**
 * One ChAP cohort's figures.
 *
 * @param accounts distinct accounts seen
 * @param starts successful {@code POST /api/v1/playback/sessions} (2xx)
 * @param failedStarts starts answered with a 5xx or not at all
 * @param rejectedStarts starts answered with a 4xx
 * @param sps successful starts per second since the experiment started (until it ended)
 * @param requests requests forwarded for the cohort
 * @param errors those answered with a 5xx or not at all
 * @param errorRate {@code errors / requests}, 0 without requests
 */
public record Cohort(
        long accounts,
        long starts,
        long failedStarts,
        long rejectedStarts,
        double sps,
        long requests,
        long errors,
        double errorRate) {}
