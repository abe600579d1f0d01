package org.imagehub.content.topic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {
    @Id
    public String code;

    /** Display labels per language, as a JSON object. */
    @Column(name = "labels", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String labelsJson;

    public String iptcMediaTopic;

    public long version;

    public Instant createdAt;

    public Instant updatedAt;
}
