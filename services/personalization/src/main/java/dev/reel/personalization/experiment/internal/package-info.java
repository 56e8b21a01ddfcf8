/** The exposure ledger and outbox. */
@NullMarked
package dev.reel.personalization.experiment.internal;

import org.jspecify.annotations.NullMarked;
