package org.imagehub.delivery.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A consumer's receiver: where to post which events, signed with which secret. Empty filters mean "all in scope". */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {
    @Id
    public String id;

    public String consumerId;
    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> eventTypes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> topics = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> types = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> countries = new ArrayList<>();

    public String secret;
    public String previousSecret;
    public Instant previousSecretUntil;
    public int maxConcurrency;
    public boolean enabled;
    public String disabledReason;
    public Instant disabledAt;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
