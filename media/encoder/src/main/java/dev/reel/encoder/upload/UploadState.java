package dev.reel.encoder.upload;

/** Where an upload stands. Only {@link #RECEIVING} uploads take bytes; the other two are final. */
public enum UploadState {
    /** Bytes are still arriving (or the last ones arrived and the master is being checked). */
    RECEIVING,
    /** Every byte arrived, the master probed as a usable video and a job was created for it. */
    COMPLETE,
    /** Every byte arrived but the file is not a usable video master; its bytes were deleted. */
    REJECTED
}
