/** Artwork personalisation: a Thompson-sampling bandit over each title's artworks. */
@NullMarked
package dev.reel.personalization.artwork;

import org.jspecify.annotations.NullMarked;
