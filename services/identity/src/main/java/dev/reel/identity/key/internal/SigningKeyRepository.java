package dev.reel.identity.key.internal;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code signing_keys} table access. A partial unique index allows at most one active key. */
@Repository
class SigningKeyRepository {

    private static final RowMapper<RSAKey> KEY =
            (rs, rowNum) -> RsaKeys.fromDer(rs.getString("kid"), rs.getBytes("private_key"), rs.getBytes("public_key"));

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RSAKey> findActive() {
        return jdbc.sql("select kid, private_key, public_key from signing_keys where active")
                .query(KEY)
                .optional();
    }

    /** Every stored key, active first; all of them still verify tokens. */
    List<RSAKey> findAll() {
        return jdbc.sql("select kid, private_key, public_key from signing_keys order by active desc, created_at desc")
                .query(KEY)
                .list();
    }

    /**
     * Stores {@code key} as the active key unless another active key exists; safe when several instances try at
     * once.
     *
     * @return whether this key was stored
     */
    boolean insertActiveIfAbsent(RSAKey key, Instant createdAt) {
        return jdbc.sql("""
                        insert into signing_keys (kid, algorithm, private_key, public_key, created_at, active)
                        values (:kid, 'RS256', :privateKey, :publicKey, :createdAt, true)
                        on conflict do nothing
                        """)
                        .param("kid", key.getKeyID())
                        .param("privateKey", RsaKeys.privateDer(key))
                        .param("publicKey", RsaKeys.publicDer(key))
                        .param("createdAt", createdAt.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }
}
