package dev.reel.kit.shedding;

import com.netflix.concurrency.limits.Limiter;
import dev.reel.kit.web.ProblemWriter;
import dev.reel.resilience.Criticality;
import dev.reel.resilience.PriorityLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits each request through a {@link PriorityLimiter} or sheds it, least important first. The request's class comes
 * from the {@value Criticality#HEADER} header the gateway stamps (absent or unknown: degraded). A shed request gets 503
 * with {@code Retry-After: 1}, {@value #SHED_HEADER} naming the class and a problem body, before any other work is
 * spent on it. {@code /actuator/**} is never limited, so health checks and scrapes keep answering under overload, and
 * neither are uploads (a declared body over 1 MiB), whose time says nothing about capacity.
 *
 * <p>How an admitted request ends feeds the limit: 2xx and 3xx answers are latency samples, 5xx answers and exceptions
 * count as drops, 4xx answers and requests that went asynchronous (server-sent events, whose length says nothing about
 * capacity) only free their slot.
 */
public class LoadSheddingFilter extends OncePerRequestFilter {

    /**
     * Marks a shed answer and names the class that was shed. A client may retry such an answer on another instance:
     * unlike other 503s, it says that the request was never started.
     */
    public static final String SHED_HEADER = "Reel-Shed";

    /** Requests whose declared body is larger than this are uploads, which bypass the limiter. */
    static final long UPLOAD_BYTES = 1024 * 1024;

    private final PriorityLimiter limiter;
    private final String service;
    private final ProblemWriter problems;

    /**
     * @param limiter the limiter every non-actuator request passes
     * @param service the service name used in the shed problem's detail
     * @param problems writes the shed problem
     */
    public LoadSheddingFilter(PriorityLimiter limiter, String service, ProblemWriter problems) {
        this.limiter = limiter;
        this.service = service;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator")
                || path.startsWith("/actuator/")
                || request.getContentLengthLong() > UPLOAD_BYTES;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Criticality criticality = Criticality.parse(request.getHeader(Criticality.HEADER), Criticality.DEGRADED);
        Optional<Limiter.Listener> admitted = limiter.acquire(criticality);
        if (admitted.isEmpty()) {
            shed(request, response, criticality);
            return;
        }
        Limiter.Listener listener = admitted.get();
        try {
            chain.doFilter(request, response);
        } catch (Throwable failure) {
            listener.onDropped();
            throw failure;
        }
        if (request.isAsyncStarted()) {
            listener.onIgnore();
        } else if (response.getStatus() >= 500) {
            listener.onDropped();
        } else if (response.getStatus() >= 400) {
            listener.onIgnore();
        } else {
            listener.onSuccess();
        }
    }

    private void shed(HttpServletRequest request, HttpServletResponse response, Criticality criticality)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                service + " is shedding " + criticality.label() + " requests under load; retry after 1 s");
        problem.setTitle("Service overloaded");
        problem.setType(URI.create("about:blank"));
        ProblemWriter.withInstance(problem, request);
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setHeader(SHED_HEADER, criticality.label());
        problems.write(response, problem);
    }
}
