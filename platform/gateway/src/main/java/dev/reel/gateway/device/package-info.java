/** Classifies the client device from its User-Agent. */
@NullMarked
package dev.reel.gateway.device;

import org.jspecify.annotations.NullMarked;
