package dev.reel.steering.fill.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.steering.SteeringApplication;
import dev.reel.steering.fill.PlanSummary;
import dev.reel.steering.fill.PlanTrigger;
import dev.reel.testkit.TestInfra;
import dev.reel.testkit.TestTokenDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The off-peak trigger with a window that is open now: the scheduled check plans once for the day, and more callers
 * at once (as several instances would) make no second plan. Own database, so other tests' plans do not count.
 */
@SpringBootTest(classes = {SteeringApplication.class, TestTokenDecoder.class})
@ActiveProfiles("test")
class OffPeakIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) throws IOException {
        TestInfra.registerPostgres(registry, "steering_offpeak");
        TestInfra.registerKafka(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "steering-offpeak-it");
        Path data = Files.createTempDirectory("steering-offpeak");
        Files.createDirectories(data.resolve("origin"));
        registry.add("reel.steering.origin.root", () -> data.resolve("origin").toString());
        registry.add("reel.steering.edge-token-keys", () -> data.resolve("edge-token.keys")
                .toString());
        // A two-hour window around now (wrapping midnight when needed), checked every 200 ms.
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String window = now.minusHours(1).format(hhmm) + "-" + now.plusHours(1).format(hhmm);
        registry.add("reel.steering.fill.window", () -> window);
        registry.add("reel.steering.fill.zone", () -> "UTC");
        registry.add("reel.steering.fill.check-interval", () -> "200ms");
    }

    @Autowired
    FillService fill;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWindowPlansOncePerDayHoweverManyInstancesCheck() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (offPeakPlans() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(offPeakPlans()).isEqualTo(1);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Optional<PlanSummary>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit((Callable<Optional<PlanSummary>>) fill::planOffPeakIfDue));
            }
            for (Future<Optional<PlanSummary>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        Thread.sleep(600); // a few more scheduled checks
        assertThat(offPeakPlans()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM fill_windows")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(fill.latest().orElseThrow().trigger()).isEqualTo(PlanTrigger.OFF_PEAK);

        // On demand still plans whenever asked.
        assertThat(fill.planNow(PlanTrigger.ON_DEMAND).trigger()).isEqualTo(PlanTrigger.ON_DEMAND);
        assertThat(offPeakPlans()).isEqualTo(1);
    }

    private long offPeakPlans() {
        return jdbc.sql("SELECT count(*) FROM fill_plans WHERE trigger = 'OFF_PEAK'")
                .query(Long.class)
                .single();
    }
}
