package dev.reel.personalization.model;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/recs/train}: an admin trains a model now ({@code reel recs train}). */
@RestController
class RecsController {

    private final Models models;

    RecsController(Models models) {
        this.models = models;
    }

    @PostMapping(path = "/api/v1/recs/train", produces = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    TrainingResult train() {
        return models.train();
    }
}
