package dev.reel.search.catalog.internal;

import dev.reel.search.index.TitleIndex;
import dev.reel.search.replay.ReplayStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code catalogIndex}: {@code OUT_OF_SERVICE} until the catalog replay has caught up, then {@code
 * UP}, with the replay's progress. With {@code eureka.client.healthcheck.enabled} the instance's Eureka status follows
 * it, so the gateway routes no search to an instance still rebuilding.
 */
@Component("catalogIndex")
class CatalogIndexHealth implements HealthIndicator {

    private final CatalogFeed feed;
    private final TitleIndex index;

    CatalogIndexHealth(CatalogFeed feed, TitleIndex index) {
        this.feed = feed;
        this.index = index;
    }

    @Override
    public Health health() {
        ReplayStatus status = feed.status();
        Health.Builder health = feed.ready() ? Health.up() : Health.status(Status.OUT_OF_SERVICE);
        health.withDetail("topic", status.topic())
                .withDetail("records", status.records())
                .withDetail("titles", index.size());
        if (status.catchUpTime() != null) {
            health.withDetail("rebuildMillis", status.catchUpTime().toMillis());
        }
        if (status.lastError() != null) {
            health.withDetail("lastError", status.lastError());
        }
        return health.build();
    }
}
