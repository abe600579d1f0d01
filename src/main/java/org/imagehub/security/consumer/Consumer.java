package org.imagehub.security.consumer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An API client (embassy site, partner outlet, social scheduler) and what it may see; empty lists mean "all". */
@Entity
@Table(name = "consumer")
public class Consumer extends PanacheEntityBase {
    @Id
    public String id;

    public String name;
    public String kind;
    public String organisation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> scopes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> topics = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> countries = new ArrayList<>();

    public int requestsPerMinute;

    public boolean active;
    public long version;

    public Instant createdAt;

    public Instant updatedAt;
}
