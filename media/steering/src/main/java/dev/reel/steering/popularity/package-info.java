/**
 * Title popularity for the fill planner: views from playback events, decayed exponentially with a half-life, and
 * projected over the next day.
 */
@NullMarked
package dev.reel.steering.popularity;

import org.jspecify.annotations.NullMarked;
