/** Model storage, the single trainer across instances (advisory lock) and the model poll. */
@NullMarked
package dev.reel.personalization.model.internal;

import org.jspecify.annotations.NullMarked;
