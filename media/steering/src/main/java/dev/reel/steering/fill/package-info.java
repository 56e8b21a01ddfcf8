/**
 * Fill planning: which titles each appliance holds, chosen from predicted popularity to maximise the byte hit ratio,
 * made on demand or once per off-peak window, and handed to each appliance in the answer to its report. {@link
 * dev.reel.steering.fill.FillPlanner} and {@link dev.reel.steering.fill.DensityFillPlanner} are plain Java, used as
 * they are by {@code bench/fill}.
 */
@NullMarked
package dev.reel.steering.fill;

import org.jspecify.annotations.NullMarked;
