/** The edge server's request handling: path decoding, ranges, problem bodies and counters. */
@NullMarked
package dev.reel.edge.internal;

import org.jspecify.annotations.NullMarked;
