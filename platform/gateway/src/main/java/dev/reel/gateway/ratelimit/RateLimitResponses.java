package dev.reel.gateway.ratelimit;

import dev.reel.gateway.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes the 429 problem response, with {@code Retry-After} in whole seconds. */
@Component
public class RateLimitResponses {

    private final ProblemWriter problems;

    public RateLimitResponses(ProblemWriter problems) {
        this.problems = problems;
    }

    /**
     * @param decision a rejecting decision
     * @param detail the problem detail shown to the client
     */
    public Mono<Void> tooManyRequests(ServerWebExchange exchange, RateLimitDecision decision, String detail) {
        String retryAfter = Long.toString(decision.retryAfter().toSeconds());
        return problems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                detail,
                headers -> headers.set(HttpHeaders.RETRY_AFTER, retryAfter));
    }
}
