package dev.reel.steering.fill;

import dev.reel.kit.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/cdn/fill} (admin): plan on demand, and the latest plan. */
@RestController
@RequestMapping(path = "/api/v1/cdn/fill", produces = "application/json")
class FillController {

    private final FillPlans plans;

    FillController(FillPlans plans) {
        this.plans = plans;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    PlanSummary fill() {
        return plans.planNow(PlanTrigger.ON_DEMAND);
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    PlanSummary latest() {
        return plans.latest().orElseThrow(() -> ProblemException.notFound("No fill plan has been made yet"));
    }
}
