package org.imagehub.content.story;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.DynamicUpdate;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The language-independent unit of content; its {@link Localization}s carry the words. */
@Entity
@DynamicUpdate
@Table(name = "story")
public class Story extends PanacheEntityBase {
    @Id
    public String id;

    public String externalId;

    public String type;
    public String organisation;
    public String priority;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> topics = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> countries = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> keyMessages = new ArrayList<>();

    public String credit;
    public String source;
    public String licence;

    /** Type-specific fields as JSON text, validated against the content model before it gets here. */
    @Column(name = "fields", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String fieldsJson;

    public Instant embargoUntil;

    public Instant expiresAt;

    /** The embargo has passed and consumers were told: the lift is a timed action that runs once. */
    public boolean embargoLifted;

    /** Bumped by every change to the story or any of its localizations: the story's ETag. */
    public long version;

    public Instant createdAt;

    public Instant updatedAt;

    public String createdBy;

    @OneToMany(mappedBy = "story", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lang")
    @BatchSize(size = 100)
    public List<Localization> localizations = new ArrayList<>();

    /** Consumers, and other organisations' editors, get nothing of the story before its embargo ends. */
    public boolean underEmbargo(Instant now) {
        return embargoUntil != null && embargoUntil.isAfter(now);
    }
}
