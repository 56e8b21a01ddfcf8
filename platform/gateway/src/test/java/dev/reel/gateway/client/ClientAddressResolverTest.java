package dev.reel.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressResolverTest {

    @Test
    void usesTheSocketAddressAndIgnoresForwardedForByDefault() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of());
        assertThat(resolver.resolve(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void believesForwardedForOnlyFromATrustedProxy() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8"));
        assertThat(resolver.resolve(request("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(resolver.resolve(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void takesTheRightmostUntrustedHopSoClientsCannotSpoofTheirAddress() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8"));
        // The client sent "1.1.1.1" itself; the proxy appended the real address.
        assertThat(resolver.resolve(request("10.1.2.3", "1.1.1.1, 198.51.100.1")))
                .isEqualTo("198.51.100.1");
        // Two trusted proxies in a row.
        assertThat(resolver.resolve(request("10.1.2.3", "198.51.100.1, 10.9.9.9")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void stopsAtGarbageInTheChain() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8"));
        assertThat(resolver.resolve(request("10.1.2.3", "evil.example, 10.9.9.9")))
                .isEqualTo("10.9.9.9");
    }

    @Test
    void matchesSingleAddressesAndIpv6Ranges() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("127.0.0.1", "fd00::/8"));
        assertThat(resolver.resolve(request("127.0.0.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(resolver.resolve(request("fd12::1", "2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(resolver.resolve(request("127.0.0.2", "198.51.100.1"))).isEqualTo("127.0.0.2");
    }

    @Test
    void rejectsHostNamesInConfiguration() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddressResolver(List.of("proxy.internal")));
    }

    private static MockServerHttpRequest request(String peer, String forwardedFor) {
        return MockServerHttpRequest.get("/api/v1/titles")
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .header("X-Forwarded-For", forwardedFor)
                .build();
    }
}
