package org.imagehub.distribution;

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

/** One announced change, written in the transaction of the change itself. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_ids")
    @SequenceGenerator(name = "outbox_event_ids", sequenceName = "outbox_event_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "aggregate_type")
    public String aggregateType;

    @Column(name = "aggregate_id")
    public String aggregateId;

    @Column(name = "payload", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String payloadJson;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "available_at")
    public Instant availableAt;

    public int attempts;
}
