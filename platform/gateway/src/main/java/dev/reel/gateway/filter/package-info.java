/**
 * The gateway's filters, grouped by stage: {@code inbound} web filters see every request from a
 * client; {@code outbound} global filters shape requests the gateway sends to a service. {@link
 * dev.reel.gateway.filter.FilterOrder} orders them all.
 */
@NullMarked
package dev.reel.gateway.filter;

import org.jspecify.annotations.NullMarked;
