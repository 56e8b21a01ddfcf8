package dev.reel.playback.stream;

import java.util.Locale;
import java.util.Optional;

/** The kinds of device the gateway tells apart ({@code X-Device-Class}) and clients declare. */
public enum DeviceClass {
    TV,
    PHONE,
    TABLET,
    DESKTOP;

    /** The lower-case name used in requests, headers and events ({@code tv}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class with this label, ignoring case and surrounding blanks; empty for anything else. */
    public static Optional<DeviceClass> fromLabel(String label) {
        String value = label.strip().toUpperCase(Locale.ROOT);
        for (DeviceClass candidate : values()) {
            if (candidate.name().equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
