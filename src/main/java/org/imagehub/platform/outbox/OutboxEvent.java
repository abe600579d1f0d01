package org.imagehub.platform.outbox;

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

    public String eventType;

    public String aggregateType;

    public String aggregateId;

    @Column(name = "payload", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String payloadJson;

    public Instant createdAt;

    public Instant availableAt;

    public int attempts;
}
