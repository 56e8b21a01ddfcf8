package dev.reel.steering.fill.internal;

import dev.reel.steering.appliance.FetchTitle;
import dev.reel.steering.appliance.Tier;
import dev.reel.steering.fill.PlacedTitle;
import dev.reel.steering.fill.Placement;
import dev.reel.steering.fill.PlanSummary;
import dev.reel.steering.fill.PlanTrigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code fill_plans}, {@code fill_plan_appliances} and {@code fill_windows} tables. */
@Repository
class PlanRepository {

    /** One appliance's part of a stored plan, as the report endpoint needs it. */
    record StoredPlacement(UUID planId, List<PlacedTitle> titles, List<String> pinned) {}

    private static final TypeReference<List<PlacedTitle>> TITLES = new TypeReference<>() {};
    private static final TypeReference<List<FetchTitle>> FETCH = new TypeReference<>() {};
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlanRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Claims the off-peak run of {@code day}'s window for {@code planId}, in the current transaction. Another
     * instance claiming the same day waits for this transaction and then sees the row.
     *
     * @return false when the day's run is already claimed
     */
    boolean claimWindow(LocalDate day, String window, UUID planId) {
        return jdbc.sql("""
                                INSERT INTO fill_windows (day, window_spec, plan_id) VALUES (:day, :window, :plan)
                                ON CONFLICT (day, window_spec) DO NOTHING
                                """)
                        .param("day", day)
                        .param("window", window)
                        .param("plan", planId)
                        .update()
                == 1;
    }

    void insert(UUID planId, Instant createdAt, PlanTrigger trigger, List<Placement> placements) {
        jdbc.sql("INSERT INTO fill_plans (id, created_at, trigger) VALUES (:id, :at, :trigger)")
                .param("id", planId)
                .param("at", Timestamp.from(createdAt))
                .param("trigger", trigger.name())
                .update();
        for (Placement placement : placements) {
            jdbc.sql("""
                            INSERT INTO fill_plan_appliances (plan_id, appliance_id, network, tier, capacity_bytes,
                                bytes, predicted_byte_hit_ratio, titles, fetch_titles, drop_titles, pinned)
                            VALUES (:plan, :appliance, :network, :tier, :capacity, :bytes, :ratio,
                                CAST(:titles AS jsonb), CAST(:fetch AS jsonb), CAST(:drop AS jsonb),
                                CAST(:pinned AS jsonb))
                            """)
                    .param("plan", planId)
                    .param("appliance", placement.applianceId())
                    .param("network", placement.network())
                    .param("tier", placement.tier().name())
                    .param("capacity", placement.capacityBytes())
                    .param("bytes", placement.bytes())
                    .param("ratio", placement.predictedByteHitRatio())
                    .param("titles", json.writeValueAsString(placement.titles()))
                    .param("fetch", json.writeValueAsString(placement.fetch()))
                    .param("drop", json.writeValueAsString(placement.drop()))
                    .param("pinned", json.writeValueAsString(placement.pinned()))
                    .update();
        }
    }

    Optional<PlanSummary> latest() {
        record Plan(UUID id, Instant createdAt, PlanTrigger trigger) {}
        Optional<Plan> plan = jdbc.sql(
                        "SELECT id, created_at, trigger FROM fill_plans ORDER BY created_at DESC, id LIMIT 1")
                .query((rs, n) -> new Plan(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(),
                        PlanTrigger.valueOf(rs.getString("trigger"))))
                .optional();
        return plan.map(p -> PlanSummary.of(
                p.id().toString(),
                p.createdAt(),
                p.trigger(),
                jdbc.sql("SELECT * FROM fill_plan_appliances WHERE plan_id = :plan ORDER BY appliance_id")
                        .param("plan", p.id())
                        .query(this::placement)
                        .list()));
    }

    /** The appliance's part of the latest plan that has one. */
    Optional<StoredPlacement> latestFor(String applianceId) {
        return jdbc.sql("""
                        SELECT pa.plan_id, pa.titles, pa.pinned FROM fill_plan_appliances pa
                        JOIN fill_plans p ON p.id = pa.plan_id
                        WHERE pa.appliance_id = :appliance
                        ORDER BY p.created_at DESC, p.id LIMIT 1
                        """)
                .param("appliance", applianceId)
                .query((rs, n) -> new StoredPlacement(
                        rs.getObject("plan_id", UUID.class),
                        json.readValue(rs.getString("titles"), TITLES),
                        json.readValue(rs.getString("pinned"), IDS)))
                .optional();
    }

    private Placement placement(ResultSet rs, int row) throws SQLException {
        return new Placement(
                rs.getString("appliance_id"),
                rs.getString("network"),
                Tier.valueOf(rs.getString("tier")),
                rs.getLong("capacity_bytes"),
                json.readValue(rs.getString("titles"), TITLES),
                rs.getLong("bytes"),
                rs.getDouble("predicted_byte_hit_ratio"),
                json.readValue(rs.getString("fetch_titles"), FETCH),
                json.readValue(rs.getString("drop_titles"), IDS),
                json.readValue(rs.getString("pinned"), IDS));
    }
}
