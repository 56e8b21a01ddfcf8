/**
 * Chunked encoding: split a source into segment-aligned chunks ({@link dev.reel.encoder.chunk.ChunkPlanner}), encode
 * every chunk × rung as an independent, idempotent task ({@link dev.reel.encoder.chunk.ChunkEncoder}), and join a
 * rung's chunks back together, checking duration, frame count and keyframe alignment ({@link
 * dev.reel.encoder.chunk.RungAssembler}). The durable task queue that distributes the tasks comes later.
 */
@NullMarked
package dev.reel.encoder.chunk;

import org.jspecify.annotations.NullMarked;
