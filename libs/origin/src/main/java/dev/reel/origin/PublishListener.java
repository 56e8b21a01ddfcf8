package dev.reel.origin;

/**
 * Receives progress while a version is uploaded, for example to report a job's percentage. Calls
 * are serialised (never concurrent), in completion order, and happen before the version becomes
 * current. A listener that throws aborts the publish: the exception propagates from {@code
 * publish}, the current version is untouched, and the objects stored so far can be reused by the
 * next publish of the same content.
 */
@FunctionalInterface
public interface PublishListener {

    /** A listener that does nothing. */
    PublishListener NONE = progress -> {};

    /** Called once per object after it is durably stored. */
    void objectStored(PublishProgress progress);
}
