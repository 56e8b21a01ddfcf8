package dev.reel.steering.appliance.internal;

import dev.reel.steering.appliance.ApplianceReport;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code appliances} table: the last report of every appliance, as JSON, and when it was received. */
@Repository
class ApplianceRepository {

    /** A persisted report. */
    record Stored(ApplianceReport report, Instant receivedAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApplianceRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts or replaces the appliance's last report; an older report never replaces a newer one. */
    void save(ApplianceReport report, Instant receivedAt) {
        jdbc.sql("""
                        INSERT INTO appliances (id, report, received_at) VALUES (:id, CAST(:report AS jsonb), :at)
                        ON CONFLICT (id) DO UPDATE SET report = EXCLUDED.report, received_at = EXCLUDED.received_at
                        WHERE appliances.received_at <= EXCLUDED.received_at
                        """)
                .param("id", report.applianceId())
                .param("report", json.writeValueAsString(report))
                .param("at", Timestamp.from(receivedAt))
                .update();
    }

    List<Stored> findAll() {
        return jdbc.sql("SELECT report, received_at FROM appliances ORDER BY id")
                .query((rs, row) -> new Stored(
                        json.readValue(rs.getString("report"), ApplianceReport.class),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }
}
