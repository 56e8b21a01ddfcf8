package dev.reel.edge.internal;

import dev.reel.edge.CacheMissHandler;
import dev.reel.edge.EdgeSettings;
import dev.reel.edge.OriginPassthrough;
import dev.reel.edge.cache.DiskCache;
import dev.reel.edgetoken.EdgeTokenVerification;
import dev.reel.edgetoken.EdgeTokens;
import dev.reel.origin.ContentTypes;
import dev.reel.origin.OriginObject;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.stream.ChunkedStream;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Answers one connection's requests: {@code GET|HEAD /v/<titleId>/<path>?t=<token>} and {@code
 * GET|HEAD /s/<token>/v/<titleId>/<path>}, plus {@code /actuator/health} and (from loopback only)
 * {@code /actuator/stats} without a token. Checks run in this order: method (405), path (400),
 * token (403), cache lookup (404 after the miss handler), {@code If-None-Match} (304), {@code
 * Range} (206 or 416), else 200. File bodies go out as a {@link DefaultFileRegion}, which the NIO
 * and epoll transports send with {@code sendfile}.
 *
 * <p>In origin mode ({@code passthrough} set, no cache) every valid request is resolved in origin
 * off the event loop; a local origin file is sent with sendfile, a remote object is streamed in
 * chunks (which needs a {@link io.netty.handler.stream.ChunkedWriteHandler} in the pipeline).
 *
 * <p>Every response allows any origin (CORS): the web app on the gateway's origin fetches playlists, segments and
 * thumbnails from here, and what may be read is decided by the token alone, never by cookies. {@code OPTIONS}
 * preflights are answered with 204 (uncounted, like the operations endpoints).
 */
public final class EdgeRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final String SEGMENT_CACHE_CONTROL = "public, max-age=31536000, immutable";
    private static final String HEALTH_PATH = "/actuator/health";
    private static final String STATS_PATH = "/actuator/stats";
    private static final int STREAM_CHUNK_BYTES = 64 * 1024;
    private static final String ANY_ORIGIN = "*";
    private static final String PREFLIGHT_MAX_AGE_SECONDS = "86400";

    private final EdgeSettings settings;
    private final EdgeCounters counters;
    private final @Nullable DiskCache cache;
    private final CacheMissHandler missHandler;
    private final @Nullable OriginPassthrough passthrough;
    private final String manifestCacheControl;
    /** Requests that arrived while a cache fill was pending, answered in order once it completes. */
    private final ArrayDeque<FullHttpRequest> queued = new ArrayDeque<>();
    /** Whether a response is waiting on a {@link dev.reel.edge.CacheMissHandler} fill. */
    private boolean waiting;

    /**
     * @param cache told about every hit, so that its eviction policy sees the access; null exactly
     *     when {@code passthrough} is set
     * @param missHandler asked to fill every miss
     * @param passthrough in origin mode, where every request is looked up; else null
     */
    public EdgeRequestHandler(
            EdgeSettings settings,
            EdgeCounters counters,
            @Nullable DiskCache cache,
            CacheMissHandler missHandler,
            @Nullable OriginPassthrough passthrough) {
        if ((cache == null) == (passthrough == null)) {
            throw new IllegalArgumentException("Give either a cache or an origin passthrough");
        }
        this.settings = settings;
        this.counters = counters;
        this.cache = cache;
        this.missHandler = missHandler;
        this.passthrough = passthrough;
        this.manifestCacheControl =
                "public, max-age=" + settings.manifestMaxAge().toSeconds();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        counters.openConnections.increment();
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        counters.openConnections.decrement();
        FullHttpRequest request;
        while ((request = queued.poll()) != null) {
            request.release();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (waiting) {
            queued.add(request.retain());
            return;
        }
        handle(ctx, request);
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        if (request.decoderResult().isSuccess() && operations(ctx, request, keepAlive, head)) {
            return;
        }
        if (request.decoderResult().isSuccess() && request.method().equals(HttpMethod.OPTIONS)) {
            preflight(ctx, request, keepAlive);
            return;
        }
        counters.requests.increment();
        if (!request.decoderResult().isSuccess()) {
            counters.badRequests.increment();
            problem(ctx, HttpResponseStatus.BAD_REQUEST, "The request could not be parsed", false, head);
            return;
        }
        if (!head && !request.method().equals(HttpMethod.GET)) {
            counters.badRequests.increment();
            HttpResponse response =
                    problemResponse(HttpResponseStatus.METHOD_NOT_ALLOWED, "Only GET and HEAD are supported", false);
            response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            send(ctx, response, keepAlive);
            return;
        }
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        RequestPaths.Target target;
        try {
            if (!request.uri().startsWith("/")) {
                throw new IllegalArgumentException("Only origin-form request targets are served");
            }
            target = RequestPaths.parse(query.rawPath());
        } catch (IllegalArgumentException e) {
            counters.badRequests.increment();
            problem(ctx, HttpResponseStatus.BAD_REQUEST, "The request path is not a valid edge path", keepAlive, head);
            return;
        }
        String token = target.token();
        if (token == null) {
            List<String> tokens = query.parameters().get("t");
            if (tokens == null || tokens.size() != 1) {
                counters.forbidden.increment();
                problem(ctx, HttpResponseStatus.FORBIDDEN, "A single token parameter 't' is required", keepAlive, head);
                return;
            }
            token = tokens.getFirst();
        }
        EdgeTokenVerification verification = EdgeTokens.verify(
                settings.tokenSecrets(),
                token,
                target.requestPath(),
                settings.clock().instant());
        if (!verification.isValid()) {
            counters.forbidden.increment();
            problem(ctx, HttpResponseStatus.FORBIDDEN, forbiddenDetail(verification.outcome()), keepAlive, head);
            return;
        }
        if (passthrough != null) {
            fromOrigin(ctx, request, target, passthrough, keepAlive, head);
            return;
        }
        Path file = settings.cacheRoot().resolve(target.titleId()).resolve(target.path());
        BasicFileAttributes attributes = regularFile(file);
        if (attributes != null) {
            Objects.requireNonNull(cache).touch(target.titleId(), target.path());
            serve(ctx, request, target, Body.of(file, attributes), keepAlive, head, true);
            return;
        }
        onMiss(ctx, request, target, file, keepAlive, head);
    }

    /** A CORS preflight: the safe methods, and the request headers the browser asked for. */
    private static void preflight(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD");
        String requested = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        if (requested != null) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requested);
        }
        headers.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, PREFLIGHT_MAX_AGE_SECONDS);
        headers.set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
        send(ctx, response, keepAlive);
    }

    /**
     * Answers the operations endpoints, which need no token and are not counted: health for the
     * launcher's probe, and the stats as JSON for loopback callers (404 for anyone else).
     *
     * @return whether the request was one of them
     */
    private boolean operations(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive, boolean head) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (!path.equals(HEALTH_PATH) && !path.equals(STATS_PATH)) {
            return false;
        }
        if (!head && !request.method().equals(HttpMethod.GET)) {
            HttpResponse response =
                    problemResponse(HttpResponseStatus.METHOD_NOT_ALLOWED, "Only GET and HEAD are supported", false);
            response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            send(ctx, response, keepAlive);
            return true;
        }
        String body;
        if (path.equals(HEALTH_PATH)) {
            body = "{\"status\":\"UP\"}";
        } else if (ctx.channel().remoteAddress() instanceof InetSocketAddress remote
                && remote.getAddress() != null
                && remote.getAddress().isLoopbackAddress()) {
            body = counters.snapshot(cache).toJson();
        } else {
            problem(ctx, HttpResponseStatus.NOT_FOUND, "No such object on this edge", keepAlive, head);
            return true;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.OK,
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        response.headers().set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
        send(ctx, response, keepAlive);
        return true;
    }

    private void onMiss(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            RequestPaths.Target target,
            Path file,
            boolean keepAlive,
            boolean head) {
        counters.misses.increment();
        afterStage(ctx, request, missHandler.fill(target.titleId(), target.path()), (filled, failure) -> {
            if (failure != null) {
                problem(
                        ctx,
                        HttpResponseStatus.BAD_GATEWAY,
                        "The object could not be fetched from origin",
                        keepAlive,
                        head);
                return;
            }
            BasicFileAttributes attributes = Boolean.TRUE.equals(filled) ? regularFile(file) : null;
            if (attributes == null) {
                problem(ctx, HttpResponseStatus.NOT_FOUND, "No such object on this edge", keepAlive, head);
                return;
            }
            serve(ctx, request, target, Body.of(file, attributes), keepAlive, head, false);
        });
    }

    /** Origin mode: every request is a lookup in origin, counted as a miss. */
    private void fromOrigin(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            RequestPaths.Target target,
            OriginPassthrough origin,
            boolean keepAlive,
            boolean head) {
        counters.misses.increment();
        afterStage(ctx, request, origin.resolve(target.titleId(), target.path()), (found, failure) -> {
            if (failure != null) {
                problem(ctx, HttpResponseStatus.BAD_GATEWAY, "Origin could not be read", keepAlive, head);
                return;
            }
            if (found == null || found.isEmpty()) {
                problem(ctx, HttpResponseStatus.NOT_FOUND, "No such object in origin", keepAlive, head);
                return;
            }
            serve(ctx, request, target, Body.of(found.get()), keepAlive, head, false);
        });
    }

    /**
     * Runs {@code then} on the event loop once {@code stage} completes: at once if it already has,
     * else after pausing reads, so that pipelined requests wait in order behind this one.
     */
    private <T> void afterStage(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            CompletionStage<T> stage,
            BiConsumer<@Nullable T, @Nullable Throwable> then) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (future.isDone()) {
            if (future.isCompletedExceptionally()) {
                then.accept(null, future.exceptionNow());
            } else {
                then.accept(future.join(), null);
            }
            return;
        }
        waiting = true;
        ctx.channel().config().setAutoRead(false);
        request.retain();
        stage.whenComplete((value, failure) -> ctx.executor().execute(() -> {
            try {
                then.accept(failure == null ? value : null, failure);
            } finally {
                request.release();
                waiting = false;
                drainQueued(ctx);
            }
        }));
    }

    private void drainQueued(ChannelHandlerContext ctx) {
        FullHttpRequest next;
        while (!waiting && (next = queued.poll()) != null) {
            try {
                if (ctx.channel().isActive()) {
                    handle(ctx, next);
                }
            } finally {
                next.release();
            }
        }
        if (!waiting) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void serve(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            RequestPaths.Target target,
            Body body,
            boolean keepAlive,
            boolean head,
            boolean hit) {
        long size = body.size();
        String etag = body.etag();
        String cacheControl = isManifest(target.path()) ? manifestCacheControl : SEGMENT_CACHE_CONTROL;

        String ifNoneMatch = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch != null && matchesAny(ifNoneMatch, etag)) {
            counters.notModified.increment();
            HttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED);
            HttpHeaders headers = response.headers();
            headers.set(HttpHeaderNames.ETAG, etag);
            headers.set(HttpHeaderNames.CACHE_CONTROL, cacheControl);
            headers.set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
            send(ctx, response, keepAlive);
            return;
        }

        String rangeHeader = request.headers().get(HttpHeaderNames.RANGE);
        String ifRange = request.headers().get(HttpHeaderNames.IF_RANGE);
        if (ifRange != null && !ifRange.strip().equals(etag)) {
            rangeHeader = null;
        }
        ByteRange.Request range = ByteRange.parse(rangeHeader, size);
        if (range instanceof ByteRange.Unsatisfiable) {
            HttpResponse response = problemResponse(
                    HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "The range lies outside the object", head);
            response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + size);
            response.headers().set(HttpHeaderNames.ETAG, etag);
            send(ctx, response, keepAlive);
            return;
        }
        long offset = 0;
        long length = size;
        HttpResponseStatus status = HttpResponseStatus.OK;
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
        if (range instanceof ByteRange.Partial(ByteRange byteRange)) {
            offset = byteRange.first();
            length = byteRange.length();
            response.setStatus(HttpResponseStatus.PARTIAL_CONTENT);
            response.headers()
                    .set(
                            HttpHeaderNames.CONTENT_RANGE,
                            "bytes " + byteRange.first() + "-" + byteRange.last() + "/" + size);
        }
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, ContentTypes.forPath(target.path()));
        headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
        headers.set(HttpHeaderNames.ETAG, etag);
        headers.set(HttpHeaderNames.LAST_MODIFIED, DateFormatter.format(new Date(body.modifiedMillis())));
        headers.set(HttpHeaderNames.CACHE_CONTROL, cacheControl);
        headers.set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES);
        headers.set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, ANY_ORIGIN);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (hit) {
            counters.hits.increment();
        }

        if (head) {
            FullHttpResponse full =
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(), Unpooled.EMPTY_BUFFER);
            full.headers().set(headers);
            finish(ctx.writeAndFlush(full), keepAlive);
            return;
        }
        long sent = length;
        LongAdder bytes = hit ? counters.hitBytes : counters.missBytes;
        if (body.file() != null) {
            boolean corked = cork(ctx, true);
            ctx.write(response);
            ctx.write(new DefaultFileRegion(body.file().toFile(), offset, length))
                    .addListener(future -> {
                        if (future.isSuccess()) {
                            bytes.add(sent);
                        }
                    });
            ChannelFuture last = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (corked) {
                last.addListener(future -> cork(ctx, false));
            }
            finish(last, keepAlive);
            return;
        }
        InputStream in;
        try {
            in = Objects.requireNonNull(body.object()).openStream(offset, length);
        } catch (IOException | RuntimeException e) {
            problem(ctx, HttpResponseStatus.BAD_GATEWAY, "Origin could not be read", false, false);
            return;
        }
        ctx.write(response);
        finish(
                ctx.writeAndFlush(new HttpChunkedInput(new ChunkedStream(in, STREAM_CHUNK_BYTES)))
                        .addListener(future -> {
                            if (future.isSuccess()) {
                                bytes.add(sent);
                            } else {
                                ctx.close();
                            }
                        }),
                keepAlive);
    }

    /**
     * What a response describes: a file (sent with sendfile) or an origin object without a local
     * file (streamed).
     */
    private record Body(
            long size,
            String etag,
            long modifiedMillis,
            @Nullable Path file,
            @Nullable OriginObject object) {

        /** A cached file; its ETag is its size and modification time. */
        static Body of(Path file, BasicFileAttributes attributes) {
            long size = attributes.size();
            String etag = "\"" + Long.toHexString(size) + "-"
                    + Long.toHexString(attributes.lastModifiedTime().toInstant().getEpochSecond()) + "."
                    + Integer.toHexString(
                            attributes.lastModifiedTime().toInstant().getNano()) + "\"";
            return new Body(size, etag, attributes.lastModifiedTime().toMillis(), file, null);
        }

        /** An origin object, with origin's ETag; its local file if origin has one. */
        static Body of(OriginObject object) {
            return new Body(
                    object.size(),
                    object.etag(),
                    object.lastModified().toEpochMilli(),
                    object.localFile().orElse(null),
                    object);
        }
    }

    /**
     * Holds back partial segments while the header and the file go out (TCP_CORK on the epoll
     * transport, as nginx's {@code tcp_nopush}), so the header shares the first packet with the
     * body instead of waking the client up on its own.
     *
     * @return whether the option could be set
     */
    private static boolean cork(ChannelHandlerContext ctx, boolean on) {
        if (ctx.channel() instanceof EpollSocketChannel epoll && epoll.isActive()) {
            try {
                return epoll.config().setTcpCork(on).isTcpCork() == on;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    private static @Nullable BasicFileAttributes regularFile(Path file) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? attributes : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isManifest(String path) {
        return path.endsWith(".m3u8") || path.endsWith(".mpd");
    }

    /** Weak comparison, as RFC 9110 asks for {@code If-None-Match}. */
    private static boolean matchesAny(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String forbiddenDetail(EdgeTokenVerification.Outcome outcome) {
        return switch (outcome) {
            case MALFORMED -> "The token is malformed";
            case BAD_SIGNATURE -> "The token signature is not valid";
            case EXPIRED -> "The token has expired";
            case PATH_OUTSIDE_PREFIX -> "The token does not cover this path";
            case VALID -> throw new IllegalArgumentException("A valid token is not forbidden");
        };
    }

    private void problem(
            ChannelHandlerContext ctx, HttpResponseStatus status, String detail, boolean keepAlive, boolean head) {
        send(ctx, problemResponse(status, detail, head), keepAlive);
    }

    /** An RFC 9457 problem; for HEAD the headers describe the body that is not sent. */
    private static FullHttpResponse problemResponse(HttpResponseStatus status, String detail, boolean head) {
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":"
                        + status.code() + ",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        ByteBuf content = head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        response.headers().set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
        return response;
    }

    private static void send(ChannelHandlerContext ctx, HttpResponse response, boolean keepAlive) {
        response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, ANY_ORIGIN);
        HttpUtil.setKeepAlive(response, keepAlive);
        finish(ctx.writeAndFlush(response), keepAlive);
    }

    private static void finish(ChannelFuture written, boolean keepAlive) {
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
