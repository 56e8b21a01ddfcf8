/** Web filters that see every request from a client, routed or static. */
@NullMarked
package dev.reel.gateway.filter.inbound;

import org.jspecify.annotations.NullMarked;
