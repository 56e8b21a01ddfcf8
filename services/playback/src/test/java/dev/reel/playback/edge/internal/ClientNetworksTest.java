package dev.reel.playback.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientNetworksTest {

    @Test
    void ipv4AddressesShareTheirSlash24() {
        assertThat(ClientNetworks.of("192.0.2.17")).isEqualTo("192.0.2.0/24");
        assertThat(ClientNetworks.of(" 192.0.2.200 ")).isEqualTo(ClientNetworks.of("192.0.2.1"));
        assertThat(ClientNetworks.of("192.0.3.1")).isNotEqualTo(ClientNetworks.of("192.0.2.1"));
    }

    @Test
    void ipv6AddressesShareTheirSlash64() {
        assertThat(ClientNetworks.of("2001:db8:0:1::42")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientNetworks.of("[2001:db8:0:1:ffff::1]")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientNetworks.of("::1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void anythingElseIsItsOwnKeyAndNeverLookedUp() {
        assertThat(ClientNetworks.of("cafe")).isEqualTo("cafe");
        assertThat(ClientNetworks.of("Example.COM")).isEqualTo("example.com");
    }
}
