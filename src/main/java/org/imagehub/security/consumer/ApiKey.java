package org.imagehub.security.consumer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One key of a consumer: only its SHA-256 hash is kept, never the key itself. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {
    @Id
    public String id;

    public String consumerId;

    public byte[] keyHash;

    /** The key's last four characters, to tell keys apart in a list. */
    public String hint;

    public Instant createdAt;

    public String createdBy;

    public Instant expiresAt;

    public Instant revokedAt;

    public Instant lastUsedAt;
}
