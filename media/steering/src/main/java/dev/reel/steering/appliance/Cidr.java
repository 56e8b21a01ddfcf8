package dev.reel.steering.appliance;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), immutable. Host bits past the
 * prefix are cleared, so {@code 10.1.2.3/8} equals {@code 10.0.0.0/8}. An IPv4-mapped IPv6 network
 * ({@code ::ffff:10.0.0.0/104}) is the IPv4 network it maps ({@code 10.0.0.0/8}), as Java reads mapped addresses as
 * IPv4.
 *
 * <p>Parsing never resolves names: only address literals are accepted.
 */
public final class Cidr {

    private static final Pattern DOTTED_QUAD = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses {@code <address>/<prefix length>}; an address without a prefix is a single host ({@code /32} or
     * {@code /128}).
     *
     * @throws IllegalArgumentException if the text is not a CIDR of an IPv4 or IPv6 address literal
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        InetAddress parsed = parseAddress(address);
        int bits = parsed.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (!length.matches("[0-9]{1,3}")) {
                throw new IllegalArgumentException("Not a CIDR prefix length: '" + text + "'");
            }
            prefix = Integer.parseInt(length);
            if (parsed instanceof Inet4Address && address.contains(":")) {
                // An IPv4-mapped IPv6 literal: Java hands back the IPv4 address, so the prefix counts from bit 96.
                prefix -= 96;
                if (prefix < 0) {
                    throw new IllegalArgumentException("An IPv4-mapped CIDR needs a prefix of at least 96: " + text);
                }
            }
            if (prefix > bits) {
                throw new IllegalArgumentException("CIDR prefix longer than the address: '" + text + "'");
            }
        }
        return new Cidr(mask(parsed.getAddress(), prefix), prefix);
    }

    /**
     * Parses an IPv4 or IPv6 address literal without any name lookup. An IPv6 zone ({@code fe80::1%eth0}) is ignored.
     *
     * @throws IllegalArgumentException if the text is not an address literal
     */
    public static InetAddress parseAddress(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        int zone = value.indexOf('%');
        if (zone >= 0) {
            value = value.substring(0, zone);
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty()
                || (value.indexOf(':') < 0 && !DOTTED_QUAD.matcher(value).matches())) {
            // Only the dotted quad for IPv4: the legacy forms (1.2.3, 16909060) are too easy to get wrong.
            throw new IllegalArgumentException("Not an IP address: '" + text + "'");
        }
        try {
            return InetAddress.ofLiteral(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an IP address: '" + text + "'", e);
        }
    }

    /** Whether {@code address} lies in this network; an address of the other family never does. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(bytes, prefixLength), network);
    }

    /** The prefix length in bits. */
    public int prefixLength() {
        return prefixLength;
    }

    /** Whether this is an IPv4 network. */
    public boolean isIpv4() {
        return network.length == 4;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (keep == 0 ? 0 : 0xff << (8 - keep));
        }
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && prefixLength == cidr.prefixLength && Arrays.equals(network, cidr.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    /** The canonical form: the network address (IPv6 as Java prints it, compressed) and the prefix length. */
    @Override
    public String toString() {
        try {
            String host = InetAddress.getByAddress(network).getHostAddress();
            if (!isIpv4()) {
                host = compress(host);
            }
            return host + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compresses the longest run of zero groups of Java's full IPv6 form ({@code 0:0:0:0:0:0:0:1} → {@code ::1}). */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
