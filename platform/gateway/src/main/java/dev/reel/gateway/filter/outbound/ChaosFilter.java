package dev.reel.gateway.filter.outbound;

import dev.reel.gateway.chaos.ChaosLab;
import dev.reel.gateway.filter.FilterOrder;
import dev.reel.resilience.ChaosSigner;
import java.security.Principal;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Applies chaos to a request routed to a service: adds one signed {@code Reel-Chaos} value per fault in force, and
 * during a ChAP experiment puts the caller's account into its cohort: {@code Reel-Cohort: control|experiment}, and the
 * experiment's signed fault for the experiment cohort. Then counts the cohort's answer as the client gets it (this
 * filter runs outside the route's circuit breaker and retries). Client-sent chaos headers never get here: {@code
 * ReservedHeadersFilter} removes them from every request.
 */
@Component
public class ChaosFilter implements GlobalFilter, Ordered {

    private final ChaosLab lab;

    public ChaosFilter(ChaosLab lab) {
        this.lab = lab;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!lab.active()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(Principal::getName)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(account -> {
                    ChaosLab.Ticket ticket = lab.admit(
                            account.orElse(null),
                            exchange.getRequest().getMethod(),
                            exchange.getRequest()
                                    .getPath()
                                    .pathWithinApplication()
                                    .value());
                    if (ticket.faultHeaders().isEmpty() && ticket.cohort() == null) {
                        return chain.filter(exchange);
                    }
                    ServerWebExchange stamped = exchange.mutate()
                            .request(request -> request.headers(headers -> {
                                headers.remove(ChaosSigner.HEADER);
                                headers.remove(ChaosSigner.COHORT_HEADER);
                                if (!ticket.faultHeaders().isEmpty()) {
                                    headers.put(ChaosSigner.HEADER, ticket.faultHeaders());
                                }
                                if (ticket.cohort() != null) {
                                    headers.set(ChaosSigner.COHORT_HEADER, ticket.cohort());
                                }
                            }))
                            .build();
                    return chain.filter(stamped).doFinally(signal -> {
                        if (signal == SignalType.ON_COMPLETE) {
                            HttpStatusCode status = stamped.getResponse().getStatusCode();
                            ticket.answered(status == null ? 200 : status.value());
                        } else if (signal == SignalType.ON_ERROR) {
                            ticket.unanswered();
                        }
                    });
                });
    }

    @Override
    public int getOrder() {
        return FilterOrder.CHAOS;
    }
}
