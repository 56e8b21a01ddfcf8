package dev.reel.playback.stream;

/**
 * One video rendition of a packaged title, as its multivariant playlist describes it.
 *
 * @param id the rendition's directory in the title version ({@code v360p} for {@code video/v360p/index.m3u8}); the
 *     DASH representation id is the same
 * @param width in pixels, 0 when the playlist gives no resolution
 * @param height in pixels, 0 when the playlist gives no resolution
 * @param codec the video codec string ({@code avc1.64001e})
 * @param bandwidth the variant's peak bandwidth in bits per second, audio included
 */
public record Rendition(String id, int width, int height, String codec, long bandwidth) {}
