/** The catalog events listener, the title table and the in-memory snapshot refresh. */
@NullMarked
package dev.reel.personalization.catalog.internal;

import org.jspecify.annotations.NullMarked;
