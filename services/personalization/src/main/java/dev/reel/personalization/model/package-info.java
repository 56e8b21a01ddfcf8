/** Implicit ALS models: training (periodic and on demand), and the newest model every instance serves from memory. */
@NullMarked
package dev.reel.personalization.model;

import org.jspecify.annotations.NullMarked;
