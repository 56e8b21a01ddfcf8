/** The client engagement listener and the artwork counts. */
@NullMarked
package dev.reel.personalization.artwork.internal;

import org.jspecify.annotations.NullMarked;
