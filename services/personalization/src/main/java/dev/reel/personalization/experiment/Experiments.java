package dev.reel.personalization.experiment;

import java.util.UUID;

/** The experiments configured under {@code reel.personalization.experiments}. */
public interface Experiments {

    /**
     * The account's cell in {@code experiment} (see {@link Allocation}), logging the exposure: {@code
     * ExperimentExposed} is published once per (account, experiment, cell, UTC day), in the background, so a slow
     * database never slows the caller.
     *
     * @throws IllegalArgumentException when the experiment is not configured
     */
    String expose(UUID accountId, String experiment);
}
