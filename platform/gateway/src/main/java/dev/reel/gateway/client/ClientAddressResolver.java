package dev.reel.gateway.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Determines the client's address for rate limiting. By default that is the socket's peer
 * address: {@code X-Forwarded-For} is trivially forged, so it is read only when the peer is one of
 * the configured trusted proxies. Then the header is walked from the right (the entry the nearest
 * proxy appended) and the first address that is not itself a trusted proxy is the client.
 */
public final class ClientAddressResolver {

    /** Used when the socket address is unavailable (e.g. a mocked exchange). */
    public static final String UNKNOWN = "unknown";

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<AddressRange> trustedProxies;

    /**
     * @param trustedProxies literal IPv4/IPv6 addresses or CIDR ranges ({@code 10.0.0.0/8}); host
     *     names are rejected with {@link IllegalArgumentException}
     */
    public ClientAddressResolver(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(AddressRange::parse).toList();
    }

    /** The client's address as text, never {@code null}. */
    public String resolve(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return UNKNOWN;
        }
        InetAddress peer = remote.getAddress();
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = forwardedHops(request.getHeaders().get(FORWARDED_FOR));
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = parseLiteral(hops.get(i));
            if (hop == null) {
                // Garbage in the chain: stop believing it and use the last trustworthy hop.
                break;
            }
            if (!isTrusted(hop)) {
                return hop.getHostAddress();
            }
            peer = hop;
        }
        return peer.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> forwardedHops(@Nullable List<String> headerValues) {
        List<String> hops = new ArrayList<>();
        if (headerValues != null) {
            for (String value : headerValues) {
                for (String hop : value.split(",")) {
                    if (!hop.isBlank()) {
                        hops.add(hop.strip());
                    }
                }
            }
        }
        return hops;
    }

    /** Parses an IP literal without ever resolving a host name. */
    static @Nullable InetAddress parseLiteral(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record AddressRange(byte[] network, int prefixLength) {

        static AddressRange parse(String spec) {
            String[] parts = spec.strip().split("/", 2);
            InetAddress address = parseLiteral(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + spec);
            }
            byte[] bytes = address.getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * 8;
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + spec);
            }
            return new AddressRange(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xFF << (8 - remainingBits)) & 0xFF;
            return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
