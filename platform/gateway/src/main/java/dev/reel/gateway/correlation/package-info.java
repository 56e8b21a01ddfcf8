/** Correlation ids: accepted from clients when well-formed, generated otherwise, and logged. */
@NullMarked
package dev.reel.gateway.correlation;

import org.jspecify.annotations.NullMarked;
