package dev.reel.gateway.device;

import java.util.Locale;

/** The coarse device classes services tailor responses to; sent as {@code X-Device-Class}. */
public enum DeviceClass {
    TV,
    PHONE,
    TABLET,
    DESKTOP;

    /** The header value: the lower-case name ({@code tv}, {@code phone}, ...). */
    public String headerValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
