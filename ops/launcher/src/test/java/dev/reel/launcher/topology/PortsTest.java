package dev.reel.launcher.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPortSomeoneListensOnIsNotFree() throws Exception {
        try (var server = new ServerSocket(0)) {
            int port = server.getLocalPort();

            assertThat(Ports.isFree(port)).isFalse();
            assertThat(Ports.isListening(port, Duration.ofSeconds(1))).isTrue();
            assertThat(Ports.taken(List.of(port))).containsExactly(port);
        }
    }

    @Test
    void aPortBoundOnLoopbackOnlyIsNotFreeEither() throws Exception {
        try (var server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThat(Ports.isFree(server.getLocalPort())).isFalse();
        }
    }

    @Test
    void aClosedPortIsFreeAgain() throws Exception {
        int port;
        try (var server = new ServerSocket(0)) {
            port = server.getLocalPort();
        }

        assertThat(Ports.isFree(port)).isTrue();
        assertThat(Ports.isListening(port, Duration.ofMillis(200))).isFalse();
        assertThat(Ports.taken(List.of(port))).isEmpty();
    }
}
