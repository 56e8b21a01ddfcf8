package dev.reel.origin;

/**
 * Progress of one {@link OriginStore#publish(String, java.nio.file.Path, PublishListener)}, after
 * one more object was stored.
 *
 * @param path the object just stored, relative to the version
 * @param bytes its size
 * @param reused true if the object was already stored by an earlier, interrupted publish of the
 *     same content and was not transferred again
 * @param objectsDone objects stored so far, including this one
 * @param objectsTotal objects in the version
 * @param bytesDone bytes stored so far, including this object
 * @param bytesTotal bytes in the version
 */
public record PublishProgress(
        String path, long bytes, boolean reused, int objectsDone, int objectsTotal, long bytesDone, long bytesTotal) {}
