package dev.reel.gateway.security;

import dev.reel.gateway.GatewayProperties;
import dev.reel.gateway.RouteMatcher;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.CsrfSpec;
import org.springframework.security.config.web.server.ServerHttpSecurity.FormLoginSpec;
import org.springframework.security.config.web.server.ServerHttpSecurity.HttpBasicSpec;
import org.springframework.security.config.web.server.ServerHttpSecurity.LogoutSpec;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * JWT validation at the edge. Requests matching {@code reel.gateway.security.public-routes} pass
 * without a token; other requests under {@code protected-paths} ({@code /api/**}, {@code
 * /actuator/**}) need a valid RS256 token from identity; everything else (the static web app) is
 * public. Stateless: no session, no CSRF, no saved requests. The token is forwarded to services
 * unchanged; they validate it again and make the authorization decisions. The gateway's own admin
 * endpoints ({@code /api/v1/ops/**}, {@code /api/v1/chaos/**}) need the {@code admin} role from the token's {@code roles} claim
 * (a member gets a 403 problem).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class EdgeSecurityConfiguration {

    /** Endpoints the gateway answers itself that only admins may call: the ops overview and the chaos API. */
    private static final String[] ADMIN_PATHS = {"/api/v1/ops/**", "/api/v1/chaos", "/api/v1/chaos/**"};

    @Bean
    SecurityWebFilterChain edgeSecurityFilterChain(
            ServerHttpSecurity http, GatewayProperties properties, ProblemSecurityHandler problems) {
        RouteMatcher publicRoutes = new RouteMatcher(properties.security().publicRoutes());
        ServerWebExchangeMatcher isPublic = exchange -> publicRoutes.matches(
                        exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().pathWithinApplication())
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
        String[] protectedPaths = properties.security().protectedPaths().toArray(String[]::new);
        return http.csrf(CsrfSpec::disable)
                .httpBasic(HttpBasicSpec::disable)
                .formLogin(FormLoginSpec::disable)
                .logout(LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(authorize -> authorize
                        .pathMatchers(ADMIN_PATHS)
                        .hasRole("ADMIN")
                        .matchers(isPublic)
                        .permitAll()
                        .matchers(ServerWebExchangeMatchers.pathMatchers(protectedPaths))
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** The {@code roles} claim ({@code member}, {@code admin}) as {@code ROLE_MEMBER}, {@code ROLE_ADMIN}. */
    private static ReactiveJwtAuthenticationConverter rolesConverter() {
        ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Flux.fromIterable(roles(jwt)));
        return converter;
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return roles == null
                ? List.of()
                : roles.stream()
                        .map(role ->
                                (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
                        .toList();
    }

    /**
     * Verifies tokens with identity's public keys, fetched from {@code
     * reel.gateway.security.jwk-set-uri} through the load balancer (the host is a service id) and
     * cached until a token names an unknown key id.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewayProperties properties, LoadBalancedExchangeFilterFunction loadBalancer) {
        WebClient jwksClient = WebClient.builder().filter(loadBalancer).build();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        properties.security().jwkSetUri())
                .webClient(jwksClient)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(
                JwtValidators.createDefaultWithIssuer(properties.security().issuer()));
        return decoder;
    }
}
