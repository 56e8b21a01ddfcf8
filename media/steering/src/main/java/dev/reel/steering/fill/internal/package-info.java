/** The planning service, plan storage and the off-peak trigger. */
@NullMarked
package dev.reel.steering.fill.internal;

import org.jspecify.annotations.NullMarked;
