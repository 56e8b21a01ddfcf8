package dev.reel.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.origin.OriginStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An edge in origin mode: the same URLs and token checks as an appliance, every object read
 * straight from origin, nothing written to a cache.
 */
class OriginModeIT extends TokenInPathContract {

    @Override
    EdgeServer start(EdgeSettings settings, OriginStore origin) {
        return EdgeServer.start(settings.withOriginPassthrough(origin));
    }

    @Test
    void objectsComeFromOriginWithItsValidatorsAndNothingIsCached() throws Exception {
        URI uri = URI.create(sessionBase() + "video/v360p/seg-1.m4s");
        HttpResponse<byte[]> whole = get(uri);
        String etag = whole.headers().firstValue("etag").orElseThrow();

        HttpResponse<byte[]> range = client.send(
                HttpRequest.newBuilder(uri).header("Range", "bytes=100-199").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> notModified = client.send(
                HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(segment);
        assertThat(etag)
                .isEqualTo(origin.open(titleId, first.version(), "video/v360p/seg-1.m4s")
                        .orElseThrow()
                        .etag());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(segment, 100, 200));
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(get(URI.create(sessionBase() + "video/v360p/missing.m4s")).statusCode())
                .isEqualTo(404);
        EdgeStats stats = SettledStats.when(server, s -> s.missBytes() == segment.length + 100);
        assertThat(stats.hits()).isZero();
        assertThat(stats.missBytes()).isEqualTo(segment.length + 100);
        assertThat(stats.capacityBytes()).isZero();
        try (var files = Files.list(base.resolve("cache"))) {
            assertThat(files).isEmpty();
        }
    }
}
