/** Fault injection: services apply the latency, errors and kills that the gateway signs into requests. */
@NullMarked
package dev.reel.kit.chaos;

import org.jspecify.annotations.NullMarked;
