package dev.reel.gateway.device;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps a User-Agent to a {@link DeviceClass}. A pure function: no state, no I/O, safe to share.
 *
 * <p>Checks run from the most specific to the least: TV platforms first (many TV agents also say
 * {@code Android} or even {@code Mobile}), then tablets (an iPad says {@code Mobile} too), then
 * phones. Anything else, including a missing agent, is a desktop.
 */
public final class DeviceClassifier {

    /** Only the start of an agent is inspected, bounding the work per request. */
    private static final int MAX_AGENT_LENGTH = 512;

    private static final String[] TV_MARKERS = {
        "smart-tv", "smarttv", "smart tv", "tizen", "web0s", "webos", "netcast", "appletv", "apple tv",
        "tvos", "roku", "crkey", "googletv", "google tv", "android tv", "androidtv", "hbbtv", "bravia"
    };

    /** Amazon Fire TV models: AFTB, AFTS, AFTMM, AFTKA, ... (upper case, as a word). */
    private static final Pattern FIRE_TV = Pattern.compile("\\bAFT[A-Z0-9]+\\b");

    private static final String[] TABLET_MARKERS = {"ipad", "tablet", "kindle", "silk/", "playbook"};

    private static final String[] PHONE_MARKERS = {
        "iphone", "ipod", "windows phone", "blackberry", "opera mini", "mobile"
    };

    /**
     * Classifies a User-Agent.
     *
     * @param userAgent the header value, or {@code null} when absent
     * @return the device class, never {@code null}; {@link DeviceClass#DESKTOP} when unknown
     */
    public DeviceClass classify(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return DeviceClass.DESKTOP;
        }
        String agent = userAgent.length() > MAX_AGENT_LENGTH ? userAgent.substring(0, MAX_AGENT_LENGTH) : userAgent;
        String lower = agent.toLowerCase(Locale.ROOT);
        if (containsAny(lower, TV_MARKERS) || FIRE_TV.matcher(agent).find()) {
            return DeviceClass.TV;
        }
        if (containsAny(lower, TABLET_MARKERS)) {
            return DeviceClass.TABLET;
        }
        if (lower.contains("android")) {
            return lower.contains("mobile") ? DeviceClass.PHONE : DeviceClass.TABLET;
        }
        if (containsAny(lower, PHONE_MARKERS)) {
            return DeviceClass.PHONE;
        }
        return DeviceClass.DESKTOP;
    }

    private static boolean containsAny(String agent, String[] markers) {
        for (String marker : markers) {
            if (agent.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
