package dev.reel.steering.appliance;

import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import dev.reel.kit.web.ProblemException;
import dev.reel.steering.SteeringProperties;
import dev.reel.steering.appliance.internal.EdgeReportVerifier;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/cdn}: appliance reports (signed by the edge with the edge token keys, no access token) and the
 * admin's fleet listing.
 */
@RestController
@RequestMapping(path = "/api/v1/cdn", produces = "application/json")
class ApplianceController {

    private final ApplianceReports reports;
    private final Appliances appliances;
    private final EdgeReportVerifier verifier;
    private final ObjectProvider<ApplianceInstructions> instructions;
    private final String reportInterval;

    ApplianceController(
            ApplianceReports reports,
            Appliances appliances,
            EdgeReportVerifier verifier,
            ObjectProvider<ApplianceInstructions> instructions,
            SteeringProperties properties) {
        this.reports = reports;
        this.appliances = appliances;
        this.verifier = verifier;
        this.instructions = instructions;
        this.reportInterval = properties.reportInterval().toString();
    }

    /**
     * An appliance's report. {@code Authorization: EdgeReport <token>}, where the token is an edge token for path
     * {@code /cdn/reports/<applianceId>}; anything else is a 401 problem. Answers with the report interval and the
     * appliance's part of the current fill plan, unless it already applied it.
     */
    @PostMapping(path = "/reports", consumes = "application/json")
    ReportResponse report(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @Valid @RequestBody ApplianceReport report) {
        verifier.verify(authorization, report.applianceId());
        try {
            reports.record(report);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        ApplianceInstructions planner = instructions.getIfAvailable();
        return new ReportResponse(reportInterval, planner == null ? null : planner.forReport(report));
    }

    /** Every known appliance with its last report, in rotation or not, by id. */
    @GetMapping("/appliances")
    @PreAuthorize("hasRole('ADMIN')")
    Page<ApplianceView> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<Appliance> all = appliances.all();
        List<ApplianceView> items = all.stream()
                .skip(request.offset())
                .limit(request.size())
                .map(ApplianceView::of)
                .toList();
        return Page.of(items, request, all.size());
    }
}
