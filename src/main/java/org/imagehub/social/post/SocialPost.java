package org.imagehub.social.post;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One story's variant for one account in one language, and where it stands on its way to the network. */
@Entity
@Table(name = "social_post")
public class SocialPost extends PanacheEntityBase {
    @Id
    public String id;

    public String accountId;
    public String storyId;
    public String lang;
    public String state;
    public String text;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> hashtags = new ArrayList<>();

    /** The chosen media as JSON (a list of {@link PostMedia}). */
    @Column(name = "media", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String mediaJson;

    public String linkMode;
    public String linkTarget;
    public String shortCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> keyMessages = new ArrayList<>();

    public String finalText;
    public int countedLength;
    public Instant scheduledAt;
    public boolean breaking;
    public String leaseId;
    public String leaseConsumer;
    public Instant leaseUntil;
    public int attempts;
    public String externalId;
    public String externalUrl;
    public Instant postedAt;
    public String failureReason;
    public Boolean failureRetryable;
    public String stateReason;
    public String approvedBy;
    public Instant approvedAt;
    public String createdBy;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
