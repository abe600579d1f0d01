package org.imagehub.content.story;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.DynamicUpdate;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** One language version of a story, with its own workflow state; every save adds a {@code LocalizationRevision}. */
@Entity
// Only changed columns: a workflow step must not rewrite (and re-TOAST) the whole body.
@DynamicUpdate
@Table(name = "localization")
public class Localization extends PanacheEntityBase {
    @Id
    public String id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "story_id")
    public Story story;

    public String lang;
    public boolean rtl;
    public String slug;
    public String title;
    public String summary;

    @Column(name = "body_html")
    public String bodyHtml;

    @Column(name = "body_text")
    public String bodyText;

    @Column(name = "fields", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String fieldsJson;

    @Column(name = "seo_title")
    public String seoTitle;

    @Column(name = "seo_description")
    public String seoDescription;

    @Column(name = "translated_from_lang")
    public String translatedFromLang;

    @Column(name = "translated_from_revision")
    public Integer translatedFromRevision;

    @Column(name = "current_revision")
    public int currentRevision;

    public String status;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The revision consumers get, or null when none is live; a newer revision may be in review meanwhile. */
    @Column(name = "published_revision")
    public Integer publishedRevision;

    @Column(name = "first_published_at")
    public Instant firstPublishedAt;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    /** The withdrawing approver's comment: internal, for editors. */
    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    /** What consumers are told about a withdrawal; only ever what the approver wrote for them. */
    @Column(name = "public_reason")
    public String publicReason;

    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
