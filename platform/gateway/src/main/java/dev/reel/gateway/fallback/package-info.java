/**
 * What the gateway answers when a route's circuit breaker gives up on its service (down, refusing connections after
 * the retries, slower than the route's time limit, or the breaker open). The home page has its own fallback in {@code
 * dev.reel.gateway.home}.
 */
@NullMarked
package dev.reel.gateway.fallback;

import org.jspecify.annotations.NullMarked;
