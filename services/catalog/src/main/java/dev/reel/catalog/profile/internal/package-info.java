/**
 * The resilient identity client, its fallback and the ceiling cache.
 */
@NullMarked
package dev.reel.catalog.profile.internal;

import org.jspecify.annotations.NullMarked;
