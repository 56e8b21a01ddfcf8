package dev.reel.steering.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void ipv4NetworksContainTheirAddressesOnly() {
        Cidr net = Cidr.parse("10.1.0.0/16");
        assertThat(net.contains(Cidr.parseAddress("10.1.0.0"))).isTrue();
        assertThat(net.contains(Cidr.parseAddress("10.1.255.255"))).isTrue();
        assertThat(net.contains(Cidr.parseAddress("10.2.0.0"))).isFalse();
        assertThat(net.contains(Cidr.parseAddress("::ffff:10.1.2.3"))).isTrue();
        assertThat(net.contains(Cidr.parseAddress("2001:db8::1"))).isFalse();

        Cidr odd = Cidr.parse("192.168.1.130/25");
        assertThat(odd).hasToString("192.168.1.128/25").isEqualTo(Cidr.parse("192.168.1.128/25"));
        assertThat(odd.contains(Cidr.parseAddress("192.168.1.200"))).isTrue();
        assertThat(odd.contains(Cidr.parseAddress("192.168.1.127"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.parseAddress("203.0.113.9")))
                .isTrue();
        assertThat(Cidr.parse("127.0.0.1")).hasToString("127.0.0.1/32");
    }

    @Test
    void ipv6NetworksContainTheirAddressesOnly() {
        Cidr net = Cidr.parse("2001:db8:a::/48");
        assertThat(net).hasToString("2001:db8:a::/48");
        assertThat(net.isIpv4()).isFalse();
        assertThat(net.contains(Cidr.parseAddress("2001:db8:a:ffff::1"))).isTrue();
        assertThat(net.contains(Cidr.parseAddress("2001:db8:b::1"))).isFalse();
        assertThat(net.contains(Cidr.parseAddress("10.0.0.1"))).isFalse();
        assertThat(Cidr.parse("::1/128").contains(Cidr.parseAddress("::1"))).isTrue();
        assertThat(Cidr.parse("::1/128").contains(Cidr.parseAddress("[::1]"))).isTrue();
        assertThat(Cidr.parse("fe80::/10").contains(Cidr.parseAddress("fe80::1%eth0")))
                .isTrue();
        assertThat(Cidr.parse("2001:db8::7/33")).hasToString("2001:db8::/33");
        assertThat(Cidr.parse("::ffff:10.0.0.0/104")).isEqualTo(Cidr.parse("10.0.0.0/8"));
    }

    @Test
    void malformedInputIsRejectedWithoutNameLookups() {
        for (String bad : new String[] {
            "",
            "/8",
            "10.0.0.0/",
            "10.0.0.0/33",
            "10.0.0.0/-1",
            "10.0.0/8",
            "300.1.1.1/8",
            "::/129",
            "localhost/8",
            "example.com",
            "10.0.0.0/8/8",
            "10.0.0.0/ 8",
            "::ffff:10.0.0.0/90"
        }) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        for (String bad : new String[] {"", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "::g", "[]"}) {
            assertThatThrownBy(() -> Cidr.parseAddress(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
