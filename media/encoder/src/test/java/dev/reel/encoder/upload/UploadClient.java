package dev.reel.encoder.upload;

import dev.reel.testkit.TestHttp;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The studio upload protocol's requests on top of {@link TestHttp}: creating an upload and sending a chunk. */
final class UploadClient {

    static final String UPLOADS = "/api/v1/studio/uploads";

    private final TestHttp http;

    UploadClient(TestHttp http) {
        this.http = http;
    }

    /** {@code POST /uploads} with {@code body} as JSON. */
    TestHttp.Call create(String token, Map<String, ?> body) {
        return http.post(UPLOADS).token(token).body(body);
    }

    /** A PATCH chunk of upload {@code id}: {@code bytes[from, to)} at {@code offset}; a null token is anonymous. */
    TestHttp.Call patch(String id, @Nullable String token, long offset, byte[] bytes, int from, int to) {
        return http.patch(UPLOADS + "/" + id)
                .token(token)
                .header("Upload-Offset", Long.toString(offset))
                .bytes("application/offset+octet-stream", bytes, from, to);
    }
}
