package dev.reel.encoder.upload;

/** The HTTP headers of the upload protocol. */
public final class UploadHeaders {

    /** Bytes received so far (responses), or where a {@code PATCH} chunk starts (requests). */
    public static final String OFFSET = "Upload-Offset";

    /** The upload's declared total size in bytes (responses). */
    public static final String LENGTH = "Upload-Length";

    /** The only content type a {@code PATCH} chunk may have. */
    public static final String CHUNK_CONTENT_TYPE = "application/offset+octet-stream";

    private UploadHeaders() {}
}
