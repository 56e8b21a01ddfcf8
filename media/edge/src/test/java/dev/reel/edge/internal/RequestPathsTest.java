package dev.reel.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {

    @Test
    void parsesTitleAndPath() {
        RequestPaths.Target target = RequestPaths.parse("/v/title1/video/720p/seg-00001.m4s");

        assertThat(target.titleId()).isEqualTo("title1");
        assertThat(target.path()).isEqualTo("video/720p/seg-00001.m4s");
        assertThat(target.requestPath()).isEqualTo("/v/title1/video/720p/seg-00001.m4s");
    }

    @Test
    void takesTheTokenFromThePathFormAndChecksTheRest() {
        RequestPaths.Target target = RequestPaths.parse("/s/abc.def_-/v/title1/v-1/video/seg-1.m4s");

        assertThat(target.token()).isEqualTo("abc.def_-");
        assertThat(target.titleId()).isEqualTo("title1");
        assertThat(target.path()).isEqualTo("v-1/video/seg-1.m4s");
        assertThat(target.requestPath()).isEqualTo("/v/title1/v-1/video/seg-1.m4s");
        assertThat(RequestPaths.parse("/v/title1/a.m4s").token()).isNull();
    }

    @Test
    void decodesPercentEscapesAndKeepsPlus() {
        assertThat(RequestPaths.parse("/v/title1/a%2Bb+c.m4s").path()).isEqualTo("a+b+c.m4s");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v/title1/../title2/a.m4s",
                "/v/title1/%2e%2e/title2/a.m4s",
                "/v/title1/%2E%2E%2Ftitle2%2Fa.m4s",
                "/v/title1/..%2ftitle2/a.m4s",
                "/v/title1/a\\..\\b.m4s",
                "/v/title1/a%5c..%5cb.m4s",
                "/v/title1//etc/passwd",
                "/v/title1/%2fetc%2fpasswd",
                "/v//etc/passwd",
                "/v/../etc/passwd",
                "/v/%2e%2e/etc/passwd",
                "/v/title1/./a.m4s",
                "/v/title1/.hidden",
                "/v/title1/a.m4s/",
                "/v/title1/a%00.m4s",
                "/v/title1/a%zz.m4s",
                "/v/title1/a%2",
                "/v/title1/%c0%ae%c0%ae/x",
                "/v/title1",
                "/v/title1/",
                "/x/title1/a.m4s",
                "/etc/passwd",
                "/s//v/title1/a.m4s",
                "/s/tok",
                "/s/tok/",
                "/s/tok/../v/title1/a.m4s",
                "/s/tok/v/title1/../title2/a.m4s",
                "/s/tok/v/title1/%2e%2e/title2/a.m4s",
                "/s/tok/s/tok/v/title1/a.m4s",
                "/s/tok%2fv/title1/a.m4s",
            })
    void refusesEscapes(String raw) {
        assertThatThrownBy(() -> RequestPaths.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }
}
