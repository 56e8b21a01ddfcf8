/** Who the client is: its network address, as far as the gateway can trust it. */
@NullMarked
package dev.reel.gateway.client;

import org.jspecify.annotations.NullMarked;
