/** Parsing of ffprobe's JSON and CSV output. */
@NullMarked
package dev.reel.encoder.probe.internal;

import org.jspecify.annotations.NullMarked;
