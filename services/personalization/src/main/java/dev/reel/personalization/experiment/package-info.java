/** Deterministic allocation of accounts to experiment cells, and exposure events. */
@NullMarked
package dev.reel.personalization.experiment;

import org.jspecify.annotations.NullMarked;
