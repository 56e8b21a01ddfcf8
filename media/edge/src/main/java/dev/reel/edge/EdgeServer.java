package dev.reel.edge;

import dev.reel.edge.cache.DiskCache;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

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
    private final DiskCache cache;
    private final @Nullable OriginFill fill;

    private EdgeServer(
            EventLoopGroup boss,
            EventLoopGroup workers,
            Channel serverChannel,
            EdgeCounters counters,
            DiskCache cache,
            @Nullable OriginFill fill) {
        this.boss = boss;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.counters = counters;
        this.cache = cache;
        this.fill = fill;
    }

    /**
     * Opens the disk cache (scanning the cache root to rebuild its index), binds the port and
     * starts serving. With an origin in the settings, misses are filled by an {@link OriginFill};
     * otherwise by the settings' miss handler.
     *
     * @throws UncheckedIOException if the cache root is not a directory or cannot be scanned
     * @throws IllegalStateException if the port cannot be bound (the cause says why)
     */
    public static EdgeServer start(EdgeSettings settings) {
        DiskCache cache;
        try {
            cache = DiskCache.open(settings.cacheRoot(), settings.capacityBytes(), settings.evictionPolicy());
        } catch (IOException e) {
            throw new UncheckedIOException("Edge cache root cannot be opened: " + settings.cacheRoot(), e);
        }
        OriginFill fill =
                settings.origin() == null ? null : new OriginFill(settings.origin(), cache, settings.fillThreads());
        CacheMissHandler missHandler = fill == null ? settings.missHandler() : fill;
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
                                    .addLast(new EdgeRequestHandler(settings, counters, cache, missHandler));
                        }
                    })
                    .bind(new InetSocketAddress(settings.port()))
                    .syncUninterruptibly()
                    .channel();
            return new EdgeServer(boss, workers, channel, counters, cache, fill);
        } catch (RuntimeException e) {
            if (fill != null) {
                fill.close();
            }
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("Edge server could not bind port " + settings.port(), e);
        }
    }

    /** Returns the bound port, which is the ephemeral one when the settings asked for port 0. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Returns the counters and the cache's figures as they are now. */
    public EdgeStats stats() {
        return counters.snapshot(cache);
    }

    /** The disk cache behind this server. */
    public DiskCache cache() {
        return cache;
    }

    /** Stops the server and waits up to a few seconds for in-flight responses; idempotent. */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        if (fill != null) {
            fill.close();
        }
    }
}
