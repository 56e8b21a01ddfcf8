package dev.reel.steering.fill;

/**
 * A title version a plan places on an appliance.
 *
 * @param titleId the origin title id
 * @param version the origin version
 * @param bytes its size
 * @param predictedBytes bytes expected to be requested from it
 */
public record PlacedTitle(String titleId, String version, long bytes, double predictedBytes) {}
