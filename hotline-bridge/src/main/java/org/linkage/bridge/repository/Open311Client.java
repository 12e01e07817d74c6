package org.linkage.bridge.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.ZoneOffset;

/** A 311 tool allowed to use the Open311 server; recorded on the tickets it files as channel OPEN311:&lt;clientId&gt;. */
@Entity
@Table(name = "open311_client")
public class Open311Client extends PanacheEntityBase {
    @Id
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "api_key_sha256", nullable = false)
    public String apiKeySha256;
    @Column(name = "seeded_at", nullable = false)
    public Instant seededAt;

    /** Stores the client with this key, replacing the key it had; safe when replicas seed at the same moment. */
    public static void seed(String clientId, String apiKeySha256, Instant at) {
        // native: an upsert (on conflict), which JPQL cannot say; a find-then-insert loses the race on the key
        getEntityManager().createNativeQuery("""
                        insert into open311_client (client_id, api_key_sha256, seeded_at) values (?1, ?2, ?3)
                        on conflict (client_id) do update set api_key_sha256 = excluded.api_key_sha256,
                            seeded_at = excluded.seeded_at""")
                .setParameter(1, clientId).setParameter(2, apiKeySha256).setParameter(3, at.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
