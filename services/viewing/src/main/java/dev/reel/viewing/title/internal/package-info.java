/** The catalog events consumer and the {@code titles} table. */
@NullMarked
package dev.reel.viewing.title.internal;

import org.jspecify.annotations.NullMarked;
