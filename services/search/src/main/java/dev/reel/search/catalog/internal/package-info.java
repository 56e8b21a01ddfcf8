/** The catalog topic replay, the mapping of catalog snapshots to indexed titles, and the readiness it drives. */
@NullMarked
package dev.reel.search.catalog.internal;

import org.jspecify.annotations.NullMarked;
