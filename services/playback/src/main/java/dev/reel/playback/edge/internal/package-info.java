/** The resilient steering client with its cached fallback, client networks, and the edge token signer. */
@NullMarked
package dev.reel.playback.edge.internal;

import org.jspecify.annotations.NullMarked;
