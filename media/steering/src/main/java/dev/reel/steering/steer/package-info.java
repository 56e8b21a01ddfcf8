/**
 * Client steering: for a client address and a title, the appliances in rotation in the order a player should try
 * them (same network, holds the title, least loaded), with origin last.
 */
@NullMarked
package dev.reel.steering.steer;

import org.jspecify.annotations.NullMarked;
