/** The edge gateway: routing, edge security, rate limits, load shedding, breakers and fallbacks, chaos, device tailoring and static web. */
@NullMarked
package dev.reel.gateway;

import org.jspecify.annotations.NullMarked;
