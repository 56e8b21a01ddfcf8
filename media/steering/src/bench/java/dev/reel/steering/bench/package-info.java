/** {@code bench/fill}: the fill planner against plain LRU on the edge's real disk cache. */
@NullMarked
package dev.reel.steering.bench;

import org.jspecify.annotations.NullMarked;
