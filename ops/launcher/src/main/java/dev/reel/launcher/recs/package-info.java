/** {@code reel recs}: offline evaluation, synthetic data and on-demand training of the recommender. */
@NullMarked
package dev.reel.launcher.recs;

import org.jspecify.annotations.NullMarked;
