package dev.reel.edge;

import dev.reel.edge.cache.DiskCache;
import dev.reel.edge.internal.EdgeCounters;
import dev.reel.edge.internal.EdgeRequestHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The edge's HTTP server: serves {@code GET|HEAD /v/<titleId>/<path>?t=<token>} and {@code
 * /s/<token>/v/<titleId>/<path>} with sendfile, HTTP/1.1 keep-alive, validators and single byte
 * ranges; from the disk cache in {@link EdgeSettings.Mode#APPLIANCE} mode, straight from origin in
 * {@link EdgeSettings.Mode#ORIGIN} mode.
 *
 * <p>Start one with {@link #start}, which returns once the port is bound; {@link #close} stops
 * accepting, closes open connections and waits for the event loops to end. The server uses the
 * native epoll transport on Linux when it is available (see {@link #transport()}) and NIO
 * otherwise; a request is never blocked on, and a file body is a region written by the kernel.
 */
public final class EdgeServer implements AutoCloseable {

    private static final int MAX_REQUEST_BYTES = 8192;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final EdgeCounters counters;
    private final @Nullable DiskCache cache;
    private final @Nullable OriginFill fill;
    private final @Nullable OriginPassthrough passthrough;
    private final String transport;
    private final int ioThreads;

    private EdgeServer(
            EventLoopGroup boss,
            EventLoopGroup workers,
            Channel serverChannel,
            EdgeCounters counters,
            @Nullable DiskCache cache,
            @Nullable OriginFill fill,
            @Nullable OriginPassthrough passthrough,
            String transport,
            int ioThreads) {
        this.boss = boss;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.counters = counters;
        this.cache = cache;
        this.fill = fill;
        this.passthrough = passthrough;
        this.transport = transport;
        this.ioThreads = ioThreads;
    }

    /**
     * In appliance mode, opens the disk cache (scanning the cache root to rebuild its index); with
     * an origin in the settings, misses are filled by an {@link OriginFill}, otherwise by the
     * settings' miss handler. In origin mode, every request is resolved by an {@link
     * OriginPassthrough} and no cache is opened. Then binds the port and starts serving.
     *
     * @throws UncheckedIOException if the cache root is not a directory or cannot be scanned
     * @throws IllegalStateException if the port cannot be bound (the cause says why)
     */
    public static EdgeServer start(EdgeSettings settings) {
        DiskCache cache = null;
        OriginFill fill = null;
        OriginPassthrough passthrough = null;
        CacheMissHandler missHandler = settings.missHandler();
        if (settings.mode() == EdgeSettings.Mode.ORIGIN) {
            passthrough = new OriginPassthrough(Objects.requireNonNull(settings.origin()), settings.fillThreads());
        } else {
            try {
                cache = DiskCache.open(settings.cacheRoot(), settings.capacityBytes(), settings.evictionPolicy());
            } catch (IOException e) {
                throw new UncheckedIOException("Edge cache root cannot be opened: " + settings.cacheRoot(), e);
            }
            if (settings.origin() != null) {
                fill = new OriginFill(settings.origin(), cache, settings.fillThreads());
                missHandler = fill;
            }
        }
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        int ioThreads = settings.ioThreads() > 0
                ? settings.ioThreads()
                : 2 * Runtime.getRuntime().availableProcessors();
        EdgeCounters counters = new EdgeCounters();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, io);
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(ioThreads, io);
        long idleSeconds = Math.max(1, settings.idleTimeout().toSeconds());
        DiskCache servedCache = cache;
        CacheMissHandler servedMisses = missHandler;
        OriginPassthrough servedOrigin = passthrough;
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ChannelPipeline pipeline = ch.pipeline()
                                    .addLast(new IdleStateHandler(0, 0, idleSeconds, TimeUnit.SECONDS))
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
                            if (servedOrigin != null) {
                                pipeline.addLast(new ChunkedWriteHandler());
                            }
                            pipeline.addLast(new EdgeRequestHandler(
                                    settings, counters, servedCache, servedMisses, servedOrigin));
                        }
                    })
                    .bind(new InetSocketAddress(settings.port()))
                    .syncUninterruptibly()
                    .channel();
            return new EdgeServer(
                    boss, workers, channel, counters, cache, fill, passthrough, epoll ? "epoll" : "nio", ioThreads);
        } catch (RuntimeException e) {
            if (fill != null) {
                fill.close();
            }
            if (passthrough != null) {
                passthrough.close();
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

    /**
     * The disk cache behind this server.
     *
     * @throws IllegalStateException in origin mode, which has no cache
     */
    public DiskCache cache() {
        if (cache == null) {
            throw new IllegalStateException("An edge in origin mode has no cache");
        }
        return cache;
    }

    /** The origin fill of an appliance with an origin store; null otherwise (origin mode, no origin). */
    public @Nullable OriginFill originFill() {
        return fill;
    }

    /** The transport in use: {@code "epoll"} or {@code "nio"}. */
    public String transport() {
        return transport;
    }

    /** The number of event-loop threads serving connections. */
    public int ioThreads() {
        return ioThreads;
    }

    /**
     * Stops the server and waits up to a few seconds for in-flight responses; idempotent. Every wait is bounded: run
     * from a JVM shutdown hook (SIGTERM), Netty's event loops were seen never to report termination, which left the
     * appliance hanging until the launcher killed it.
     */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        if (fill != null) {
            fill.close();
        }
        if (passthrough != null) {
            passthrough.close();
        }
    }
}
