package dev.reel.playback.edge.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The network a client address belongs to, for caching steering answers: its {@code /24} (IPv4) or {@code /64}. */
final class ClientNetworks {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientNetworks() {}

    /**
     * The network key of an address, such as {@code 192.0.2.0/24} or {@code 2001:db8:0:1::/64}; the address itself
     * (lower case) when it is not an IP literal. Never resolves a host name.
     */
    static String of(String address) {
        String value = address.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        int zone = value.indexOf('%');
        if (zone >= 0) {
            value = value.substring(0, zone);
        }
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            return value.toLowerCase(Locale.ROOT);
        }
        byte[] bytes;
        try {
            // Only literals reach this point, and InetAddress parses a literal without any lookup.
            bytes = InetAddress.getByName(value).getAddress();
        } catch (UnknownHostException e) {
            return value.toLowerCase(Locale.ROOT);
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            out.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                    .append(':');
        }
        return out.append(":/64").toString();
    }
}
