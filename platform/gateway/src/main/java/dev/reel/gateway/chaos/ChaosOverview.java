package dev.reel.gateway.chaos;

import java.util.List;

/**
 * {@code GET /api/v1/chaos}.
 *
 * @param enabled whether the chaos key is present (without it nothing can be created)
 * @param faults the faults in force
 * @param experiments the running experiment, if any, and the last ended ones, newest first
 */
public record ChaosOverview(boolean enabled, List<Fault> faults, List<Experiment> experiments) {}
