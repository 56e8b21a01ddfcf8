package dev.reel.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeWalkTest {

    private static final String A = "http://localhost:9100/s/tok/v/t/v1/";
    private static final String ORIGIN = "http://localhost:9000/s/tok/v/t/v1";

    private static Calls.Answer status(int status) {
        return status == 0 ? Calls.Answer.none("ConnectException") : new Calls.Answer(status, new byte[0], null, null);
    }

    @Test
    void aServerErrorOrNoAnswerMovesToTheNextEdgeForGood() throws InterruptedException {
        EdgeWalk walk = new EdgeWalk(List.of(A, ORIGIN));
        List<String> asked = new ArrayList<>();
        Map<String, Integer> answers = Map.of(A + "video/v360p/seg-1.m4s", 502);

        Calls.Answer segment = walk.fetch("video/v360p/seg-1.m4s", url -> {
            asked.add(url);
            return status(answers.getOrDefault(url, 200));
        });
        assertThat(segment.status()).isEqualTo(200);
        assertThat(walk.current()).isEqualTo(1);
        walk.fetch("video/v360p/seg-2.m4s", url -> {
            asked.add(url);
            return status(200);
        });

        assertThat(asked)
                .containsExactly(
                        A + "video/v360p/seg-1.m4s",
                        ORIGIN + "/video/v360p/seg-1.m4s",
                        ORIGIN + "/video/v360p/seg-2.m4s");
    }

    @Test
    void aClientErrorIsTheAnswerAndTheLastEdgesFailureIsReturned() throws InterruptedException {
        EdgeWalk walk = new EdgeWalk(List.of(A, ORIGIN));
        assertThat(walk.fetch("x", url -> status(403)).status()).isEqualTo(403);
        assertThat(walk.current()).isZero();

        assertThat(walk.fetch("x", url -> status(0)).status()).isZero();
        assertThat(walk.current()).isEqualTo(1);
        walk.restart();
        assertThat(walk.base()).isEqualTo(A);
    }

    @Test
    void playlistUrisBecomePathsUnderTheEdgeBase() {
        EdgeWalk walk = new EdgeWalk(List.of(A, ORIGIN));
        assertThat(walk.relative("master.m3u8", "video/v360p/index.m3u8")).isEqualTo("video/v360p/index.m3u8");
        assertThat(walk.relative("master.m3u8", A + "video/v360p/index.m3u8")).isEqualTo("video/v360p/index.m3u8");
        assertThat(walk.relative("video/v360p/index.m3u8", "init.mp4")).isEqualTo("video/v360p/init.mp4");
        assertThat(walk.relative("video/v360p/index.m3u8", "../v720p/seg-1.m4s"))
                .isEqualTo("video/v720p/seg-1.m4s");
        assertThat(walk.relative("master.m3u8", "http://elsewhere:1/x.m3u8")).isEqualTo("http://elsewhere:1/x.m3u8");
    }
}
