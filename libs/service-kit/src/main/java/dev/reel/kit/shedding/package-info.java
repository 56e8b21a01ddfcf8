/**
 * Server-side load shedding: every request a service serves passes an adaptive concurrency limit, and the least
 * important requests are refused first when it is reached.
 */
@NullMarked
package dev.reel.kit.shedding;

import org.jspecify.annotations.NullMarked;
