package dev.reel.playback.session;

import jakarta.servlet.http.HttpServletRequest;

/** The client address steering ranks edges for. */
final class ClientAddresses {

    /** Set by Reel's gateway to the one client address it resolved, replacing anything the client sent. */
    static final String CLIENT_ADDRESS = "X-Client-Address";

    private ClientAddresses() {}

    /** The gateway's {@code X-Client-Address}, else the request's remote address (a caller inside the cluster). */
    static String of(HttpServletRequest request) {
        String address = request.getHeader(CLIENT_ADDRESS);
        return address != null && !address.isBlank() ? address.strip() : request.getRemoteAddr();
    }
}
