/**
 * Prioritised load shedding at the edge: every request is classified as critical, degraded or best effort from
 * {@code reel.gateway.criticality}, and the gateway's adaptive {@code PriorityLimiter} refuses best effort first,
 * critical last.
 */
@NullMarked
package dev.reel.gateway.shedding;

import org.jspecify.annotations.NullMarked;
