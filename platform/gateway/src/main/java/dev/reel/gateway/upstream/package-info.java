/**
 * How the gateway picks service instances: discovery, the shared zone preference, and passive
 * outlier ejection of instances that just refused a connection.
 */
@NullMarked
package dev.reel.gateway.upstream;

import org.jspecify.annotations.NullMarked;
