/** Resilient service-to-service clients: discovery, zone-aware balancing, timeout, circuit breaker, bulkhead, retry and a mandatory fallback. */
@NullMarked
package dev.reel.kit.client;

import org.jspecify.annotations.NullMarked;
