/**
 * How uploads work: the {@code uploads} table, the part files under the work directory, the master check, the
 * catalog title check and the cleaner of expired uploads.
 */
@NullMarked
package dev.reel.encoder.upload.internal;

import org.jspecify.annotations.NullMarked;
