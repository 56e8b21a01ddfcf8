package dev.reel.kit;

import dev.reel.kit.client.ResilientClients;
import dev.reel.kit.security.Callers;
import dev.reel.kit.security.PublicRoutes;
import dev.reel.kit.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
                .build();
    }

    @Bean
    ThingApi thingApi(ResilientClients clients) {
        return clients.create(ThingApi.class, "things", id -> new Thing("fallback"));
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
