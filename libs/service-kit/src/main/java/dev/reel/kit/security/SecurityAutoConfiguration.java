package dev.reel.kit.security;

import dev.reel.kit.KitProperties;
import dev.reel.kit.web.ProblemWriter;
import dev.reel.kit.web.WebAutoConfiguration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

/**
 * Every service is a stateless OAuth2 resource server: requests carry an RS256 access token that
 * identity signed, checked against identity's JWKS (fetched through discovery). Routes are private
 * unless the service declares them in a {@link PublicRoutes} bean. The {@code roles} claim becomes
 * {@code ROLE_MEMBER} / {@code ROLE_ADMIN} authorities, and {@code @PreAuthorize} is on.
 */
@AutoConfiguration(after = WebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(KitProperties.class)
@EnableMethodSecurity
public class SecurityAutoConfiguration {

    private static final String[] ALWAYS_PUBLIC = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error"
    };

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain reelSecurityFilterChain(
            HttpSecurity http, ObjectProvider<PublicRoutes> publicRoutes, ProblemWriter problems) throws Exception {
        var handlers = new ProblemSecurityHandlers(problems);
        List<PublicRoutes.Route> routes =
                publicRoutes.stream().flatMap(r -> r.routes().stream()).toList();
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers(ALWAYS_PUBLIC).permitAll();
                    for (PublicRoutes.Route route : routes) {
                        if (route.method() == null) {
                            authorize.requestMatchers(route.pattern()).permitAll();
                        } else {
                            authorize
                                    .requestMatchers(route.method(), route.pattern())
                                    .permitAll();
                        }
                    }
                    authorize.anyRequest().authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        return http.build();
    }

    /** Fetches identity's JWKS through discovery and checks signature, expiry and issuer. */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(KitProperties properties, LoadBalancerClient loadBalancer) {
        RestTemplate jwks = new RestTemplate();
        jwks.getInterceptors().add(new LoadBalancerInterceptor(loadBalancer));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                        properties.security().jwkSetUri())
                .restOperations(jwks)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.security().issuer())));
        return decoder;
    }

    static Converter<Jwt, AbstractAuthenticationToken> rolesConverter() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityAutoConfiguration::authorities);
        return converter;
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return Callers.roles(jwt).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
                .toList();
    }
}
