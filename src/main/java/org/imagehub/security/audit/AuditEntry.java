package org.imagehub.security.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** One write: who, for which organisation, did what to which target, at which revision, in which request. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_ids")
    @SequenceGenerator(name = "audit_entry_ids", sequenceName = "audit_entry_id_seq", allocationSize = 50)
    public Long id;

    public Instant at;
    public String actor;
    public String organisation;
    public String action;

    public String targetType;

    public String targetId;

    public Long revision;

    public String requestId;

    @Column(name = "details", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String detailsJson;
}
