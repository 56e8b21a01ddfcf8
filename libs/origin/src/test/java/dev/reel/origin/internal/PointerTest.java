package dev.reel.origin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.origin.Publication;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PointerTest {

    private static final String DIGEST = "ab".repeat(32);

    private static Publication publication(String title, int second) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second);
        return new Publication(title, VersionIds.create(at, DIGEST), at, 3, 1234, DIGEST);
    }

    @Test
    void roundTripsAndRemembersSupersededVersionsNewestFirst() throws IOException {
        Pointer pointer = Pointer.first(publication("t1", 1));
        for (int i = 2; i <= 20; i++) {
            pointer = pointer.successor(publication("t1", i));
        }

        Pointer parsed = Pointer.parse(pointer.toJson(), "t1");

        assertThat(parsed).isEqualTo(pointer);
        assertThat(parsed.current().version()).isEqualTo(publication("t1", 20).version());
        assertThat(parsed.previous()).hasSize(16);
        assertThat(parsed.previous().getFirst().version())
                .isEqualTo(publication("t1", 19).version());
    }

    @Test
    void acceptsFormattedJson() throws IOException {
        String json = """
                {
                  "format" : 1, "titleId" : "t1",
                  "version" : "v-20260101T000000000Z-abababababab",
                  "publishedAt" : "2026-01-01T00:00:00Z", "objectCount" : 2, "totalBytes" : 10,
                  "digest" : "%s", "previous" : [ ], "comment" : "extra members are ignored"
                }
                """.formatted(DIGEST);

        assertThat(Pointer.parse(json, "t1").current().objectCount()).isEqualTo(2);
    }

    @Test
    void rejectsPointersThatCouldRedirectReads() {
        String good = Pointer.first(publication("t1", 1)).toJson();
        String version = publication("t1", 1).version();

        assertThatThrownBy(() -> Pointer.parse(good, "t2")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Pointer.parse(good.replace(version, "../../etc"), "t1"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad version id");
        assertThatThrownBy(() -> Pointer.parse(good.replace("\"format\":1", "\"format\":2"), "t1"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format");
        assertThatThrownBy(() -> Pointer.parse("", "t1")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Pointer.parse("[]", "t1")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Pointer.parse(good + "x", "t1")).isInstanceOf(IOException.class);
    }

    @Test
    void versionIdsCarryTimeAndDigestPrefix() {
        Instant at = Instant.parse("2026-11-23T02:44:13.546Z");
        String id = VersionIds.create(at, DIGEST);

        assertThat(id).isEqualTo("v-20261123T024413546Z-abababababab");
        assertThat(VersionIds.createdAt(id)).isEqualTo(at);
        assertThat(VersionIds.hasDigest(id, DIGEST)).isTrue();
        assertThat(VersionIds.hasDigest(id, "cd".repeat(32))).isFalse();
        assertThat(VersionIds.isValid("v-1")).isFalse();
        assertThatThrownBy(() -> VersionIds.require("../v-20261123T024413546Z-abababababab"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
