/**
 * Token-bucket rate limiting: a {@link dev.reel.gateway.ratelimit.RateLimitPolicy} says how many
 * requests a client may make, a {@link dev.reel.gateway.ratelimit.RateLimiter} keeps one bucket per
 * client key.
 */
@NullMarked
package dev.reel.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
