package dev.reel.encoder.ffmpeg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TailBufferTest {

    private static void append(TailBuffer buffer, String text) {
        buffer.append(text.toCharArray(), 0, text.length());
    }

    @Test
    void keepsEverythingUnderCapacity() {
        TailBuffer buffer = new TailBuffer(10);
        append(buffer, "abc");
        append(buffer, "def");

        assertThat(buffer).hasToString("abcdef");
        assertThat(buffer.truncated()).isFalse();
    }

    @Test
    void keepsTheLastCharactersOverCapacity() {
        TailBuffer buffer = new TailBuffer(5);
        append(buffer, "abc");
        append(buffer, "defg");

        assertThat(buffer).hasToString("cdefg");
        assertThat(buffer.truncated()).isTrue();
    }

    @Test
    void keepsTheTailOfOneLargeAppend() {
        TailBuffer buffer = new TailBuffer(4);
        append(buffer, "x");
        append(buffer, "0123456789");
        append(buffer, "ab");

        assertThat(buffer).hasToString("89ab");
    }
}
