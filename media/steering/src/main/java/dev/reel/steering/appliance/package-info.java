/**
 * The appliance registry: edge appliances report their health, load and contents every few seconds; steering keeps
 * the last report of each (persisted) and puts an appliance out of rotation when its reports stop.
 */
@NullMarked
package dev.reel.steering.appliance;

import org.jspecify.annotations.NullMarked;
