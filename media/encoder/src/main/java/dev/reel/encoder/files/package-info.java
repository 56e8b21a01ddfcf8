/** Crash-safe file handling shared by the encoder's features: atomic moves, staged directories, tree removal. */
@NullMarked
package dev.reel.encoder.files;

import org.jspecify.annotations.NullMarked;
