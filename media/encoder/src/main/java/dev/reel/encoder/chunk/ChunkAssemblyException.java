package dev.reel.encoder.chunk;

/** A rung cannot be assembled: a chunk is missing, duplicated, or not a file. The message names the chunk. */
public final class ChunkAssemblyException extends RuntimeException {

    public ChunkAssemblyException(String message) {
        super(message);
    }
}
