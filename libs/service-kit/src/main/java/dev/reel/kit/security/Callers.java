package dev.reel.kit.security;

import dev.reel.kit.web.SecurityProblems;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;

/** Access to the {@link Caller} of the request the current thread serves. */
public final class Callers {

    private Callers() {}

    /** The caller of a request that required a token; a 401 problem if there is none. */
    public static Caller current() {
        Caller caller = currentOrNull();
        if (caller == null) {
            throw new ErrorResponseException(
                    org.springframework.http.HttpStatus.UNAUTHORIZED, SecurityProblems.unauthorized(), null);
        }
        return caller;
    }

    /** The caller, or null on a public route called without a token. */
    public static @Nullable Caller currentOrNull() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromJwt(token.getToken());
        }
        return null;
    }

    static Caller fromJwt(Jwt jwt) {
        return new Caller(UUID.fromString(jwt.getSubject()), roles(jwt), jwt.getTokenValue());
    }

    static Set<String> roles(Jwt jwt) {
        List<String> claimed = jwt.getClaimAsStringList("roles");
        return claimed == null ? Set.of() : new HashSet<>(claimed);
    }
}
