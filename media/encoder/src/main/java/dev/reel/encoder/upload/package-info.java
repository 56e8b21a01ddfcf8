/** Resumable studio uploads: offsets, limits, probing, and handing an accepted master to a job. */
@NullMarked
package dev.reel.encoder.upload;

import org.jspecify.annotations.NullMarked;
