/** Global filters that shape the request the gateway sends to a service. */
@NullMarked
package dev.reel.gateway.filter.outbound;

import org.jspecify.annotations.NullMarked;
