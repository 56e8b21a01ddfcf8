package dev.reel.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static ByteRange.Request parse(String header) {
        return ByteRange.parse(header, 1000);
    }

    private static ByteRange.Request partial(long first, long last) {
        return new ByteRange.Partial(new ByteRange(first, last));
    }

    @Test
    void singleRanges() {
        assertThat(parse("bytes=0-99")).isEqualTo(partial(0, 99));
        assertThat(parse("bytes=100-199")).isEqualTo(partial(100, 199));
        assertThat(parse("bytes=900-5000")).isEqualTo(partial(900, 999));
        assertThat(parse("bytes=100-")).isEqualTo(partial(100, 999));
        assertThat(parse("bytes=-500")).isEqualTo(partial(500, 999));
        assertThat(parse("bytes=-5000")).isEqualTo(partial(0, 999));
        assertThat(parse("Bytes = 0-0 ".strip().replace(" = ", "="))).isEqualTo(partial(0, 0));
    }

    @Test
    void unsatisfiable() {
        assertThat(parse("bytes=1000-")).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(parse("bytes=1000-2000")).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(parse("bytes=-0")).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=-10", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void ignoredHeadersServeTheWhole() {
        assertThat(ByteRange.parse(null, 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(parse("bytes=0-1,5-6")).isInstanceOf(ByteRange.Whole.class);
        assertThat(parse("items=0-1")).isInstanceOf(ByteRange.Whole.class);
        assertThat(parse("bytes=5-1")).isInstanceOf(ByteRange.Whole.class);
        assertThat(parse("bytes=abc")).isInstanceOf(ByteRange.Whole.class);
        assertThat(parse("bytes=-")).isInstanceOf(ByteRange.Whole.class);
        assertThat(parse("bytes=1-x")).isInstanceOf(ByteRange.Whole.class);
        assertThat(parse("bytes=99999999999999999999-")).isInstanceOf(ByteRange.Whole.class);
    }
}
