/**
 * Resilient service-to-service clients: discovery, zone-aware balancing, timeout, circuit breaker, bulkhead, budgeted
 * retry and a mandatory fallback.
 */
@NullMarked
package dev.reel.kit.client;

import org.jspecify.annotations.NullMarked;
