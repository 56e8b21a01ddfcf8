/**
 * Title storage, validation rules, event snapshots and the {@link dev.reel.catalog.title.Titles}
 * implementation.
 */
@NullMarked
package dev.reel.catalog.title.internal;

import org.jspecify.annotations.NullMarked;
