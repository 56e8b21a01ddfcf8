package dev.reel.edge;

import dev.reel.edge.internal.EdgeCounters;
import dev.reel.edge.internal.EdgeRequestHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.TimeUnit;

/**
 * The edge appliance's HTTP server: serves {@code GET|HEAD /v/<titleId>/<path>?t=<token>} from the
 * cache root with sendfile, HTTP/1.1 keep-alive, validators and single byte ranges.
 *
 * <p>Start one with {@link #start}, which returns once the port is bound; {@link #close} stops
 * accepting, closes open connections and waits for the event loops to end. The server uses the
 * NIO transport; a request is never blocked on, and a response body is a file region written by
 * the kernel.
 */
public final class EdgeServer implements AutoCloseable {

    private static final int MAX_REQUEST_BYTES = 8192;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final EdgeCounters counters;

    private EdgeServer(EventLoopGroup boss, EventLoopGroup workers, Channel serverChannel, EdgeCounters counters) {
        this.boss = boss;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.counters = counters;
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws UncheckedIOException if the cache root is not a directory
     * @throws IllegalStateException if the port cannot be bound (the cause says why)
     */
    public static EdgeServer start(EdgeSettings settings) {
        if (!Files.isDirectory(settings.cacheRoot())) {
            throw new UncheckedIOException(new NoSuchFileException(
                    settings.cacheRoot().toString(), null, "Edge cache root is not a directory"));
        }
        EdgeCounters counters = new EdgeCounters();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        long idleSeconds = Math.max(1, settings.idleTimeout().toSeconds());
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new IdleStateHandler(0, 0, idleSeconds, TimeUnit.SECONDS))
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                    .addLast(new EdgeRequestHandler(settings, counters));
                        }
                    })
                    .bind(new InetSocketAddress(settings.port()))
                    .syncUninterruptibly()
                    .channel();
            return new EdgeServer(boss, workers, channel, counters);
        } catch (RuntimeException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("Edge server could not bind port " + settings.port(), e);
        }
    }

    /** Returns the bound port, which is the ephemeral one when the settings asked for port 0. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Returns the counters as they are now. */
    public EdgeStats stats() {
        return counters.snapshot();
    }

    /** Stops the server and waits up to a few seconds for in-flight responses; idempotent. */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
