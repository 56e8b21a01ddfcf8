package dev.reel.kit.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the instance that served a response in {@value #HEADER}, as CDNs do, so that operators and
 * tests can see how the load balancer spread traffic.
 */
public class ServedByFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Served-By";

    private final String instanceId;

    public ServedByFilter(String instanceId) {
        this.instanceId = instanceId;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, instanceId);
        chain.doFilter(request, response);
    }
}
