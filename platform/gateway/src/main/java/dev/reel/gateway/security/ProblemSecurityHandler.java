package dev.reel.gateway.security;

import dev.reel.gateway.problem.ProblemWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers Spring Security's refusals with problem responses: 401 with a {@code WWW-Authenticate:
 * Bearer ...} challenge (RFC 6750, carrying {@code error="invalid_token"} when a token was sent
 * but rejected), 403 for access denied, and 400 for requests the firewall rejects (e.g. {@code ..}
 * or encoded slashes in the path).
 */
@Component
public class ProblemSecurityHandler
        implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerExchangeRejectedHandler {

    private final ProblemWriter problems;

    public ProblemSecurityHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("realm", "reel");
        HttpStatus status = HttpStatus.UNAUTHORIZED;
        String detail = "A valid bearer token is required.";
        if (ex instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
            status = error.getHttpStatus();
            parameters.put("error", error.getErrorCode());
            if (error.getDescription() != null) {
                parameters.put("error_description", error.getDescription());
            }
            detail = error.getDescription() != null ? error.getDescription() : detail;
        }
        String challenge = "Bearer "
                + parameters.entrySet().stream()
                        .map(e -> e.getKey() + "=\"" + e.getValue().replace("\"", "'") + "\"")
                        .collect(Collectors.joining(", "));
        return problems.write(
                exchange, status, detail, headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, "Access denied.");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "The request was rejected: " + rejected.getMessage());
    }
}
