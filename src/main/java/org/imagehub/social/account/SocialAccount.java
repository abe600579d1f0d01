package org.imagehub.social.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An account on one social network that an organisation's team posts to. */
@Entity
@Table(name = "social_account")
public class SocialAccount extends PanacheEntityBase {
    @Id
    public String id;

    public String network;
    public String handle;
    public String displayName;
    public String organisation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages = new ArrayList<>();

    public String timeZone;
    public String schedulerConsumer;
    public String storyUrlTemplate;
    public boolean active;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
