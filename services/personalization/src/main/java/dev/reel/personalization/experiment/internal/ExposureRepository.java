package dev.reel.personalization.experiment.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code experiment_exposures} ledger. */
@Repository
class ExposureRepository {

    private final JdbcClient jdbc;

    ExposureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the exposure was recorded before */
    boolean record(UUID accountId, String experiment, String cell, LocalDate day) {
        return jdbc.sql("""
                        INSERT INTO experiment_exposures (account_id, experiment, cell, day)
                        VALUES (:account, :experiment, :cell, :day)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("account", accountId)
                        .param("experiment", experiment)
                        .param("cell", cell)
                        .param("day", day)
                        .update()
                == 1;
    }
}
