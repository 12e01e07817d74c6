package org.linkage.bridge.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

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
}
