package dev.reel.launcher.topology;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Local TCP port checks. */
public final class Ports {

    private Ports() {}

    /**
     * Returns whether a server could listen on {@code port} on all interfaces right now. A port that another process
     * listens on (on any local address) is not free. The answer can be stale as soon as it is returned.
     */
    public static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true); // tolerate TIME_WAIT leftovers, as the servers we start do
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns whether something accepts TCP connections on {@code localhost:port} within {@code timeout}. */
    public static boolean isListening(int port, Duration timeout) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns the ports of {@code ports} that are not free, in iteration order. */
    public static List<Integer> taken(Collection<Integer> ports) {
        var taken = new ArrayList<Integer>();
        for (int port : ports) {
            if (!isFree(port)) {
                taken.add(port);
            }
        }
        return taken;
    }

    /** Returns a port that was free a moment ago, chosen by the operating system (for tests). */
    public static int anyFree() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port", e);
        }
    }
}
