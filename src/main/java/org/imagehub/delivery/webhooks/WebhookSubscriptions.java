package org.imagehub.delivery.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.ids.Ids;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;
import org.imagehub.security.consumer.ConsumerService;
import org.imagehub.security.consumer.ConsumerView;

/** Makes, changes, rotates and removes consumers' webhook subscriptions; every change is audited. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WebhookSubscriptions {
    private static final int MAX_CONCURRENCY = 16;
    private static final Duration MAX_GRACE = Duration.ofDays(7);

    private final ConsumerService consumers;
    private final ReceiverAddressPolicy addresses;
    private final WebhookConfig config;
    private final AuditLog audit;
    private final Clock clock;

    public WebhookSubscriptions(ConsumerService consumers, ReceiverAddressPolicy addresses, WebhookConfig config, AuditLog audit, Clock clock) {
        this.consumers = consumers;
        this.addresses = addresses;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    public List<SubscriptionView> list(String consumerId) {
        consumers.get(consumerId);
        return WebhookSubscription.<WebhookSubscription>list("consumerId = ?1 order by createdAt", consumerId).stream().map(SubscriptionView::of).toList();
    }

    public SubscriptionView get(String consumerId, String id) {
        return SubscriptionView.of(find(consumerId, id, LockModeType.NONE));
    }

    @Transactional
    public SubscriptionSecret create(String consumerId, SubscriptionInput input, Actor actor) {
        ConsumerView consumer = consumers.get(consumerId);
        Instant now = Instant.now(clock);
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = Ids.newId();
        subscription.consumerId = consumerId;
        subscription.secret = WebhookSignature.newSecret();
        subscription.version = 1;
        subscription.createdAt = now;
        apply(subscription, validate(input, consumer), now);
        subscription.persist();
        audit.record(actor, new AuditLog.Write("webhook.created", "webhook", subscription.id, 1L,
                Map.of("consumerId", consumerId, "url", subscription.url, "eventTypes", subscription.eventTypes)));
        return new SubscriptionSecret(SubscriptionView.of(subscription), subscription.secret);
    }

    @Transactional
    public SubscriptionView update(String consumerId, String id, SubscriptionInput input, String ifMatch, Actor actor) {
        WebhookSubscription subscription = find(consumerId, id, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, subscription.version);
        apply(subscription, validate(input, consumers.get(consumerId)), Instant.now(clock));
        subscription.version++;
        audit.record(actor, new AuditLog.Write("webhook.updated", "webhook", id, subscription.version,
                Map.of("url", subscription.url, "eventTypes", subscription.eventTypes, "enabled", subscription.enabled)));
        return SubscriptionView.of(subscription);
    }

    @Transactional
    public void delete(String consumerId, String id, String ifMatch, Actor actor) {
        WebhookSubscription subscription = find(consumerId, id, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, subscription.version);
        subscription.delete();
        audit.record(actor, new AuditLog.Write("webhook.deleted", "webhook", id, subscription.version, Map.of("consumerId", consumerId)));
    }

    /** A new secret; the previous one keeps signing for {@code grace} (default hub.webhooks.secret-grace, at most 7 days). */
    @Transactional
    public SubscriptionSecret rotateSecret(String consumerId, String id, Duration grace, Actor actor) {
        Duration keep = grace == null ? config.secretGrace() : grace;
        if (keep.isNegative() || keep.compareTo(MAX_GRACE) > 0) {
            throw ValidationException.of("graceSeconds", "out-of-range", "0 to " + MAX_GRACE.toSeconds() + " seconds");
        }
        WebhookSubscription subscription = find(consumerId, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now(clock);
        subscription.previousSecret = keep.isZero() ? null : subscription.secret;
        subscription.previousSecretUntil = keep.isZero() ? null : now.plus(keep);
        subscription.secret = WebhookSignature.newSecret();
        subscription.version++;
        subscription.updatedAt = now;
        audit.record(actor, new AuditLog.Write("webhook.secret-rotated", "webhook", id, subscription.version, Map.of("graceSeconds", keep.toSeconds())));
        return new SubscriptionSecret(SubscriptionView.of(subscription), subscription.secret);
    }

    static WebhookSubscription find(String consumerId, String id, LockModeType lock) {
        WebhookSubscription subscription = WebhookSubscription.findById(id, lock);
        if (subscription == null || !subscription.consumerId.equals(consumerId)) {
            throw new NotFoundException("No webhook subscription '" + id + "' for consumer '" + consumerId + "'.");
        }
        return subscription;
    }

    private SubscriptionInput validate(SubscriptionInput input, ConsumerView consumer) {
        List<FieldError> errors = new ArrayList<>();
        String url = input.url() == null ? "" : input.url().strip();
        if (url.isEmpty() || url.length() > 2000) {
            errors.add(new FieldError("url", "required", "an https URL of at most 2000 characters"));
        } else {
            try {
                addresses.checkRegistration(url);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        List<String> eventTypes = orEmpty(input.eventTypes());
        if (eventTypes.isEmpty()) {
            errors.add(new FieldError("eventTypes", "required", "one or more of " + WebhookEventTypes.ALL));
        }
        for (int i = 0; i < eventTypes.size(); i++) {
            if (!WebhookEventTypes.ALL.contains(eventTypes.get(i))) {
                errors.add(new FieldError("eventTypes[" + i + "]", "unknown", "one of " + WebhookEventTypes.ALL));
            }
        }
        within("languages", orEmpty(input.languages()), consumer.languages(), errors);
        within("topics", orEmpty(input.topics()), consumer.topics(), errors);
        within("countries", orEmpty(input.countries()), consumer.countries(), errors);
        List<String> types = orEmpty(input.types());
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null || !types.get(i).matches("[a-z][a-z0-9-]{0,63}")) {
                errors.add(new FieldError("types[" + i + "]", "invalid", "a content type code"));
            }
        }
        int concurrency = input.maxConcurrency() == null ? config.defaultConcurrency() : input.maxConcurrency();
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            errors.add(new FieldError("maxConcurrency", "out-of-range", "1 to " + MAX_CONCURRENCY));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        return new SubscriptionInput(url, eventTypes.stream().distinct().toList(), orEmpty(input.languages()), orEmpty(input.topics()), types,
                orEmpty(input.countries()), concurrency, input.enabled() == null || input.enabled());
    }

    /** A filter may narrow the consumer's scope, never widen it. */
    private static void within(String field, List<String> values, List<String> scope, List<FieldError> errors) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank() || value.length() > 64) {
                errors.add(new FieldError(field + "[" + i + "]", "invalid", "1 to 64 characters"));
            } else if (!scope.isEmpty() && !scope.contains(value)) {
                errors.add(new FieldError(field + "[" + i + "]", "outside-scope", "the consumer may only read " + scope));
            }
        }
    }

    private static void apply(WebhookSubscription subscription, SubscriptionInput valid, Instant now) {
        subscription.url = valid.url();
        subscription.eventTypes = new ArrayList<>(valid.eventTypes());
        subscription.languages = new ArrayList<>(valid.languages());
        subscription.topics = new ArrayList<>(valid.topics());
        subscription.types = new ArrayList<>(valid.types());
        subscription.countries = new ArrayList<>(valid.countries());
        subscription.maxConcurrency = valid.maxConcurrency();
        if (valid.enabled() && !subscription.enabled) {
            subscription.disabledReason = null;
            subscription.disabledAt = null;
        }
        subscription.enabled = valid.enabled();
        subscription.updatedAt = now;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
