package dev.reel.playback.stream;

import java.util.Objects;
import java.util.Set;

/**
 * What one session's device may play, as {@link DevicePolicy} resolved it.
 *
 * @param deviceClass the device's class
 * @param maxHeight the tallest video rendition allowed, in pixels
 * @param codecs the video codec families allowed, lower case ({@code avc1}, {@code hvc1})
 */
public record Device(DeviceClass deviceClass, int maxHeight, Set<String> codecs) {

    public Device {
        Objects.requireNonNull(deviceClass, "deviceClass");
        if (maxHeight < 1) {
            throw new IllegalArgumentException("maxHeight must be positive, was " + maxHeight);
        }
        codecs = Set.copyOf(codecs);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("a device needs at least one codec");
        }
    }

    /**
     * Whether a video rendition of this height and codec may be played.
     *
     * @param height the rendition's height in pixels, or 0 when the manifest does not say (then only the codec counts)
     * @param codec an RFC 6381 codec string ({@code avc1.64001e}) or bare family ({@code avc1})
     */
    public boolean allows(int height, String codec) {
        return height <= maxHeight && codecs.contains(Codecs.family(codec));
    }

    /** Whether this rendition may be played. */
    public boolean allows(Rendition rendition) {
        return allows(rendition.height(), rendition.codec());
    }
}
