/** Facts about experiments, published on {@link dev.reel.events.Topics#EXPERIMENT_EXPOSURES}. */
@NullMarked
package dev.reel.events.experiment;

import org.jspecify.annotations.NullMarked;
