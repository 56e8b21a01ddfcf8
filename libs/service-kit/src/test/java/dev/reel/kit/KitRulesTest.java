package dev.reel.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import dev.reel.kit.web.ProblemException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

class KitRulesTest {

    @Test
    void pageRequestsDefaultAndValidate() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.of(3, 10).offset()).isEqualTo(30);
        assertThatThrownBy(() -> PageRequest.of(-1, 10)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 101)).isInstanceOf(ProblemException.class);
    }

    @Test
    void pagesCountTheirTotal() {
        Page<String> page = Page.of(List.of("a", "b"), new PageRequest(1, 2), 5);
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(Page.of(List.of(), new PageRequest(0, 20), 0).totalPages()).isZero();
    }

    @Test
    void onlyRefusedConnectionsAreRetriedOnAnotherInstance() {
        assertThat(dev.reel.kit.client.ResilientClientsAccess.connectionRefused(
                        new ResourceAccessException("x", new ConnectException("refused"))))
                .isTrue();
        assertThat(dev.reel.kit.client.ResilientClientsAccess.connectionRefused(
                        new ResourceAccessException("x", new java.net.http.HttpTimeoutException("slow"))))
                .isFalse();
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        var problem = ProblemException.tooManyRequests("slow down", java.time.Duration.ofMillis(1500));
        assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(problem.getStatusCode().value()).isEqualTo(429);
    }
}
