package dev.reel.gateway.ops;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/ops/overview}: the platform at a glance for the ops page. Admins only; edge security refuses
 * everyone else (see {@code EdgeSecurityConfiguration}).
 */
@RestController
class OpsController {

    private final OverviewCollector collector;

    OpsController(OverviewCollector collector) {
        this.collector = collector;
    }

    @GetMapping(path = "/api/v1/ops/overview", produces = "application/json")
    Mono<ResponseEntity<OpsOverview>> overview(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return collector.overview(authorization).map(overview -> ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(overview));
    }
}
