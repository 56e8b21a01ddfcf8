package dev.reel.gateway.chaos;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The chaos API, {@code /api/v1/chaos}: faults on all forwarded traffic and ChAP experiments. Admins only; edge
 * security refuses everyone else (see {@code EdgeSecurityConfiguration}). Bad input is a 400 problem, creating anything
 * without the chaos key or while an experiment runs a 409 problem.
 */
@RestController
@RequestMapping(path = "/api/v1/chaos", produces = "application/json")
class ChaosController {

    private final ChaosLab lab;

    ChaosController(ChaosLab lab) {
        this.lab = lab;
    }

    @GetMapping
    ResponseEntity<ChaosOverview> overview() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(lab.overview());
    }

    @PostMapping("/faults")
    ResponseEntity<Fault> addFault(@RequestBody FaultRequest request) {
        Fault fault = guarded(() -> lab.addFault(request));
        return ResponseEntity.created(URI.create("/api/v1/chaos/faults/" + fault.id()))
                .body(fault);
    }

    @DeleteMapping("/faults")
    Map<String, Integer> clearFaults(@RequestParam(required = false) @Nullable String target) {
        return Map.of("cleared", lab.clearFaults(target == null || target.isBlank() ? null : target.strip()));
    }

    @DeleteMapping("/faults/{id}")
    ResponseEntity<Void> removeFault(@PathVariable String id) {
        if (!lab.removeFault(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No fault " + id + " is in force.");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/experiments")
    ResponseEntity<Experiment> startExperiment(@RequestBody ExperimentRequest request) {
        Experiment experiment = guarded(() -> lab.startExperiment(request));
        return ResponseEntity.created(URI.create("/api/v1/chaos/experiments/" + experiment.id()))
                .body(experiment);
    }

    @GetMapping("/experiments/{id}")
    ResponseEntity<Experiment> experiment(@PathVariable String id) {
        return lab.experiment(id)
                .map(e ->
                        ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(e))
                .orElseThrow(() -> unknown(id));
    }

    @DeleteMapping("/experiments/{id}")
    Experiment stopExperiment(@PathVariable String id) {
        return lab.stopExperiment(id).orElseThrow(() -> unknown(id));
    }

    private static ResponseStatusException unknown(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No experiment " + id + ".");
    }

    private static <T> T guarded(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (ChaosLab.ChaosOffException | IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }
}
