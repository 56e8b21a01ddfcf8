package dev.reel.kit.chaos;

import dev.reel.kit.web.ProblemWriter;
import dev.reel.resilience.ChaosFault;
import dev.reel.resilience.ChaosSigner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the chaos faults a request carries in {@value ChaosSigner#HEADER} headers (one signed fault per value) when
 * they target this service: {@link ChaosFault.Kind#LATENCY} waits before the request is served, {@link
 * ChaosFault.Kind#ERRORS} answers a 500 problem, {@link ChaosFault.Kind#KILL} answers 503 with no body and closes the
 * connection. Each applied fault is marked in the {@value #INJECTED_HEADER} response header.
 *
 * <p>Only faults signed with the shared chaos key and not yet expired count; any other value (forged, malformed,
 * expired) is ignored and counted in {@code reel.chaos.rejected}. Faults for other services are left for them: the
 * header travels on with this service's own calls. Without a key file chaos is off and the header is ignored; the file
 * is looked for again, at most every ten seconds, when a request carries the header. {@code /actuator/**} is never
 * touched. Applied faults count in {@code reel.chaos.injected}, tagged {@code fault}.
 */
public class ChaosFilter extends OncePerRequestFilter {

    /** The response header naming the fault kind injected into the answer, e.g. {@code errors}. */
    public static final String INJECTED_HEADER = "Reel-Chaos-Injected";

    private static final Logger log = LoggerFactory.getLogger(ChaosFilter.class);
    private static final long KEY_LOOKUP_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    private final Path keyFile;
    private final String service;
    private final ProblemWriter problems;
    private final Clock clock;
    private final Counter rejected;
    private final Map<ChaosFault.Kind, Counter> injected = new EnumMap<>(ChaosFault.Kind.class);
    private final Object keyLock = new Object();
    private volatile @Nullable ChaosSigner signer;
    private volatile long nextKeyLookup = System.nanoTime();
    private boolean reportedOff;

    /**
     * Reads the key at once; a missing key is logged once and looked for again later.
     *
     * @param keyFile the shared chaos key ({@link ChaosSigner#fromKeyFile})
     * @param service this service's name in discovery, which faults target
     * @param problems writes the injected 500 problem
     * @param meters where the {@code reel.chaos.*} counters go
     * @param clock decides whether a fault has expired
     */
    public ChaosFilter(Path keyFile, String service, ProblemWriter problems, MeterRegistry meters, Clock clock) {
        this.keyFile = keyFile;
        this.service = service;
        this.problems = problems;
        this.clock = clock;
        this.rejected = Counter.builder("reel.chaos.rejected")
                .description("Chaos headers ignored because they were forged, malformed or expired")
                .register(meters);
        for (ChaosFault.Kind kind : ChaosFault.Kind.values()) {
            injected.put(
                    kind,
                    Counter.builder("reel.chaos.injected")
                            .tag("fault", kind.label())
                            .description("Chaos faults applied to requests served here")
                            .register(meters));
        }
        signer();
    }

    /** Whether the chaos key has been found, so that signed faults are applied. */
    public boolean active() {
        return signer != null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> values = headerValues(request);
        ChaosSigner verifier = values.isEmpty() ? null : signer();
        if (verifier != null) {
            Instant now = clock.instant();
            for (String value : values) {
                Optional<ChaosFault> verified = verifier.verify(value, now);
                if (verified.isEmpty()) {
                    rejected.increment();
                    continue;
                }
                ChaosFault fault = verified.get();
                if (!fault.appliesTo(service, now) || !fault.hits()) {
                    continue;
                }
                injected.get(fault.kind()).increment();
                response.setHeader(INJECTED_HEADER, fault.kind().label());
                switch (fault.kind()) {
                    case LATENCY -> pause(fault.latencyMillis());
                    case ERRORS -> {
                        fail(request, response, fault);
                        return;
                    }
                    case KILL -> {
                        kill(response);
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** Every header value, split on commas in case a proxy joined repeated headers into one. */
    private static List<String> headerValues(HttpServletRequest request) {
        List<String> values = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(ChaosSigner.HEADER))) {
            for (String value : header.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(HttpServletRequest request, HttpServletResponse response, ChaosFault fault) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "chaos fault " + fault.id() + " failed this request");
        problem.setTitle("Injected failure");
        ProblemWriter.withInstance(problem, request);
        problems.write(response, problem);
    }

    /** Answers as closely as a servlet can to an instance that died mid-request. */
    private static void kill(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentLength(0);
        response.flushBuffer();
    }

    private @Nullable ChaosSigner signer() {
        ChaosSigner current = signer;
        if (current != null || System.nanoTime() - nextKeyLookup < 0) {
            return current;
        }
        synchronized (keyLock) {
            if (signer == null && System.nanoTime() - nextKeyLookup >= 0) {
                nextKeyLookup = System.nanoTime() + KEY_LOOKUP_INTERVAL_NANOS;
                try {
                    signer = ChaosSigner.fromKeyFile(keyFile).orElse(null);
                } catch (IOException | IllegalArgumentException e) {
                    log.warn("chaos key {} is unreadable ({}); chaos stays off", keyFile, e.toString());
                }
                if (signer != null) {
                    log.info("chaos is on for {}: signed faults from {} are applied", service, keyFile);
                } else if (!reportedOff) {
                    reportedOff = true;
                    log.info("chaos is off for {}: no key at {}, so Reel-Chaos headers are ignored", service, keyFile);
                }
            }
            return signer;
        }
    }
}
