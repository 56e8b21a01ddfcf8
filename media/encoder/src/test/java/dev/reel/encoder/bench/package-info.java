/** End-to-end benchmarks of the encoder, run from the scripts in the repository's {@code bench/} directory. */
@NullMarked
package dev.reel.encoder.bench;

import org.jspecify.annotations.NullMarked;
