package dev.reel.playback.licence;

import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/playback/sessions/{id}/licence}: ClearKey (W3C EME) licences for the caller's live session. */
@RestController
class LicenceController {

    private final Licences licences;

    LicenceController(Licences licences) {
        this.licences = licences;
    }

    @PostMapping(
            path = "/api/v1/playback/sessions/{id}/licence",
            consumes = "application/json",
            produces = "application/json")
    ResponseEntity<LicenceResponse> licence(@PathVariable UUID id, @Valid @RequestBody LicenceRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(licences.licence(id, request));
    }
}
