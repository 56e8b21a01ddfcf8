package dev.reel.kit;

import dev.reel.events.catalog.TitlePublished;
import dev.reel.events.catalog.TitleSnapshot;
import dev.reel.kit.client.ResilientClients;
import dev.reel.kit.events.EventHeaders;
import dev.reel.kit.events.Outbox;
import dev.reel.kit.security.Callers;
import dev.reel.kit.security.PublicRoutes;
import dev.reel.kit.web.ProblemException;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.service.annotation.GetExchange;

/** A small service built on the kit, for the kit's own integration tests. */
@SpringBootApplication
class KitTestApplication {

    /** The topic of the tracing test's events. */
    static final String TRACED_TOPIC = "reel.kit.traced.v1";

    record Thing(String name) {}

    record NewThing(@NotBlank @Size(max = 10) String name) {}

    interface ThingApi {
        @GetExchange("/things/{id}")
        Thing get(@PathVariable String id);
    }

    @Bean
    PublicRoutes publicRoutes() {
        return PublicRoutes.builder()
                .add(HttpMethod.GET, "/things/**")
                .add(HttpMethod.POST, "/things")
                .add(HttpMethod.GET, "/remote/**")
                .add(HttpMethod.POST, "/traced")
                .build();
    }

    @Bean
    ThingApi thingApi(ResilientClients clients) {
        return clients.create(ThingApi.class, "things", id -> new Thing("fallback"));
    }

    @Bean
    NewTopic tracedTopic() {
        return new NewTopic(TRACED_TOPIC, 1, (short) 1);
    }

    /** Appends an event to the outbox while serving a request, as a service's write path does. */
    @RestController
    static class TracedController {
        private final Outbox outbox;
        private final TransactionTemplate transactions;

        TracedController(Outbox outbox, TransactionTemplate transactions) {
            this.outbox = outbox;
            this.transactions = transactions;
        }

        @PostMapping("/traced")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, String> append() {
            var event = TitlePublished.of(new TitleSnapshot(
                    UUID.randomUUID(),
                    "MOVIE",
                    "traced",
                    "s",
                    2020,
                    90,
                    "13+",
                    List.of(),
                    List.of(),
                    List.of(),
                    true,
                    null,
                    false,
                    List.of()));
            transactions.executeWithoutResult(status -> outbox.append(TRACED_TOPIC, event));
            return Map.of("eventId", event.eventId().toString());
        }
    }

    /** What a listener saw of the trace while handling an event: the tracer's span and the logging context. */
    record SeenTrace(
            @Nullable String spanTraceId,
            @Nullable String mdcTraceId,
            @Nullable String mdcSpanId) {}

    /** A listener of the traced topic that remembers, per event id, the trace it ran in. */
    @Component
    static class TracedListener {
        private static final Logger log = LoggerFactory.getLogger(TracedListener.class);

        final Map<String, SeenTrace> seen = new ConcurrentHashMap<>();
        private final Tracer tracer;

        TracedListener(Tracer tracer) {
            this.tracer = tracer;
        }

        @KafkaListener(
                topics = TRACED_TOPIC,
                groupId = "kit-traced-listener",
                properties = "auto.offset.reset=earliest")
        void on(ConsumerRecord<String, String> record) {
            var eventId = record.headers().lastHeader(EventHeaders.EVENT_ID);
            if (eventId == null) {
                return;
            }
            String id = new String(eventId.value(), StandardCharsets.UTF_8);
            Span span = tracer.currentSpan();
            log.info("traced event {} received", id);
            seen.put(
                    id,
                    new SeenTrace(
                            span == null ? null : span.context().traceId(), MDC.get("traceId"), MDC.get("spanId")));
        }
    }

    @RestController
    static class ThingController {
        private final ThingApi remote;

        ThingController(ThingApi remote) {
            this.remote = remote;
        }

        @GetMapping("/things/{id}")
        Thing get(@PathVariable String id) {
            throw ProblemException.notFound("no thing " + id);
        }

        @PostMapping("/things")
        @ResponseStatus(HttpStatus.CREATED)
        Thing create(@Valid @RequestBody NewThing thing) {
            return new Thing(thing.name());
        }

        @GetMapping("/remote/{id}")
        Thing remote(@PathVariable String id) {
            return remote.get(id);
        }

        @GetMapping("/me")
        Map<String, Object> me() {
            return Map.of("account", Callers.current().accountId().toString());
        }

        @PostMapping("/admin-only")
        @PreAuthorize("hasRole('ADMIN')")
        Map<String, String> adminOnly() {
            return Map.of("ok", "yes");
        }
    }
}
