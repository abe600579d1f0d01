package org.imagehub.content.story;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import org.hibernate.annotations.DynamicUpdate;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.imagehub.content.revision.RevisionContent;
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
    /** Slug, title, summary, body, fields, SEO and translation source: the part every revision snapshots. */
    @Embedded
    public RevisionContent content;

    public int currentRevision;

    public String status;

    public Instant publishedAt;

    /** The revision consumers get, or null when none is live; a newer revision may be in review meanwhile. */
    public Integer publishedRevision;

    /**
     * The slug of the live revision (null when none is live), kept beside it so that a slug still held by a live
     * revision while a renamed draft waits for review is found through a small index, without reading revisions.
     */
    public String liveSlug;

    public Instant firstPublishedAt;

    public Instant scheduledAt;

    /** The withdrawing approver's comment: internal, for editors. */
    public String withdrawnReason;

    /** What consumers are told about a withdrawal; only ever what the approver wrote for them. */
    public String publicReason;

    public long version;

    public Instant createdAt;

    public Instant updatedAt;
}
