package dev.reel.steering.appliance;

/**
 * A title version an appliance is told to fill from origin.
 *
 * @param titleId the origin title id
 * @param version the origin version to fetch every object of
 */
public record FetchTitle(String titleId, String version) {}
