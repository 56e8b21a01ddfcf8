/**
 * Reel's personalization service: the home page. It learns from playback, catalog and client engagement events,
 * trains an implicit ALS model, builds ranked rows for a profile with per-row timeouts and fallbacks, chooses artwork
 * with a Thompson-sampling bandit and allocates accounts to experiment cells.
 */
@NullMarked
package dev.reel.personalization;

import org.jspecify.annotations.NullMarked;
