package dev.reel.encoder.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A {@code PATCH} written by hand over a socket, so a test can send fewer bytes than it declares, pause mid-body, or
 * drop the connection.
 */
final class RawPatch implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    private RawPatch(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Opens a connection and sends the request line and headers, declaring {@code contentLength} body bytes. */
    static RawPatch start(int port, String path, String token, long offset, long contentLength) throws IOException {
        var socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        var patch = new RawPatch(socket);
        String head = "PATCH " + path + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/offset+octet-stream\r\n"
                + "Upload-Offset: " + offset + "\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        patch.out.write(head.getBytes(StandardCharsets.US_ASCII));
        patch.out.flush();
        return patch;
    }

    void write(byte[] bytes, int from, int to) throws IOException {
        out.write(bytes, from, to - from);
        out.flush();
    }

    /** Reads the response's status code. */
    int status() throws IOException {
        InputStream in = socket.getInputStream();
        var line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        if (parts.length < 2) {
            throw new IOException("no status line: " + line);
        }
        return Integer.parseInt(parts[1]);
    }

    /** Drops the connection, as a client that crashed or lost its network does. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
