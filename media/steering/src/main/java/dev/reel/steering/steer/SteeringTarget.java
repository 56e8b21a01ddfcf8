package dev.reel.steering.steer;

/**
 * One place a client may stream the title from.
 *
 * @param id the appliance id, or {@code origin}
 * @param baseUrl its base URL, without a trailing slash
 * @param kind appliance or origin
 * @param sameNetwork whether the client's address is in the appliance's CIDRs (false for origin)
 * @param holdsTitle whether it reported holding the title's current origin version (origin: whether the title has
 *     one)
 */
public record SteeringTarget(String id, String baseUrl, TargetKind kind, boolean sameNetwork, boolean holdsTitle) {}
