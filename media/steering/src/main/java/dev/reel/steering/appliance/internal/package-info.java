/** Report verification, the in-memory registry and its PostgreSQL copy. */
@NullMarked
package dev.reel.steering.appliance.internal;

import org.jspecify.annotations.NullMarked;
