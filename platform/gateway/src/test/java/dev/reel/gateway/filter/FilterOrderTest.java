package dev.reel.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;

class FilterOrderTest {

    @Test
    void inboundFiltersRunInTheDocumentedSequenceAroundSecurity() {
        assertThat(new int[] {
                    FilterOrder.CORRELATION_ID,
                    FilterOrder.CORS,
                    FilterOrder.RESERVED_HEADERS,
                    FilterOrder.LOAD_SHEDDING,
                    FilterOrder.IP_RATE_LIMIT,
                    FilterOrder.LOGIN_RATE_LIMIT,
                    FilterOrder.SECURITY,
                    FilterOrder.ACCOUNT_RATE_LIMIT
                })
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void outboundFiltersRunBeforeTheLoadBalancerAndTheProxyCall() {
        assertThat(FilterOrder.DEVICE_CLASS)
                .isLessThan(ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER)
                .isLessThan(NettyRoutingFilter.ORDER);
    }

    @Test
    void chaosRunsOutsideTheRoutesOwnFiltersAndTheResponseWriter() {
        // Route filters from config/gateway.yml are ordered 1, 2, 3 by position.
        assertThat(FilterOrder.CHAOS).isLessThan(1).isLessThan(NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER);
    }
}
