package org.imagehub.security.consumer;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imagehub.platform.AfterCommit;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.idempotency.IdempotencyStore;
import org.imagehub.platform.idempotency.IdempotentCreate;
import org.imagehub.platform.ids.Ids;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;
import org.imagehub.security.events.ApiKeyChanged;
import org.imagehub.security.events.ConsumerChanged;
import org.imagehub.security.events.SecurityChanges;

/** Registers consumers and issues, lists and revokes their keys; every change is audited. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ConsumerService {
    private static final Duration DEFAULT_KEY_LIFETIME = Duration.ofDays(365);
    private static final Duration MAX_KEY_LIFETIME = Duration.ofDays(3 * 366);

    private final ConsumerValidator validator;
    private final ApiKeyAuthenticator authenticator;
    private final SecurityChanges changes;
    private final AfterCommit afterCommit;
    private final IdempotencyStore idempotency;
    private final Json json;
    private final Clock clock;

    ConsumerService(ConsumerValidator validator, ApiKeyAuthenticator authenticator, SecurityChanges changes, AfterCommit afterCommit,
            IdempotencyStore idempotency, Json json, Clock clock) {
        this.afterCommit = afterCommit;
        this.idempotency = idempotency;
        this.json = json;
        this.validator = validator;
        this.authenticator = authenticator;
        this.changes = changes;
        this.clock = clock;
    }

    public List<ConsumerView> all() {
        return Consumer.<Consumer>listAll(Sort.by("name")).stream().map(ConsumerView::of).toList();
    }

    public ConsumerView get(String id) {
        return ConsumerView.of(find(id));
    }

    /** Registers a consumer (201, at version 1). Honours Idempotency-Key. */
    @Transactional
    public IdempotentCreate create(ConsumerInput input, Actor editor, String idempotencyKey) {
        return idempotency.execute("consumer:" + editor.userId(), idempotencyKey, json.write(input), () -> {
            ConsumerView view = ConsumerView.of(register(Ids.newId(), validator.validate(input), editor));
            return new IdempotentCreate(201, "/api/v1/manage/consumers/" + view.id(), json.write(view), false);
        });
    }

    @Transactional
    public ConsumerView update(String id, ConsumerInput input, String ifMatch, Actor editor) {
        Consumer consumer = Consumer.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (consumer == null) {
            throw new NotFoundException("No consumer '" + id + "'.");
        }
        EntityTags.requireMatch(ifMatch, consumer.version);
        apply(consumer, validator.validate(input));
        consumer.version++;
        changes.record(editor, new AuditLog.Write("consumer.updated", "consumer", id, consumer.version, access(consumer)),
                new ConsumerChanged(SecurityChanges.meta(editor, Instant.now(clock)), id, "updated"));
        afterCommit.run(() -> authenticator.forgetConsumer(id));
        return ConsumerView.of(consumer);
    }

    /**
     * Issues a key (201). Honours Idempotency-Key: a retry issues no second key and gets the first one's id, hint and
     * expiry, but never the key itself, which the hub does not keep; whoever lost the first answer revokes that key.
     */
    @Transactional
    public IdempotentCreate issueKey(String consumerId, KeyRequest request, Actor editor, String idempotencyKey) {
        return idempotency.execute("api-key:" + editor.userId(), idempotencyKey, json.write(new Object[] {consumerId, request}), () -> {
            find(consumerId);
            Instant now = Instant.now(clock);
            Instant expiresAt = request == null || request.expiresAt() == null ? now.plus(DEFAULT_KEY_LIFETIME) : request.expiresAt();
            if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_KEY_LIFETIME))) {
                throw ValidationException.of("expiresAt", "out-of-range", "a future time at most three years ahead");
            }
            IssuedKey key = store(consumerId, ApiKeySecrets.newKey(), expiresAt, editor);
            return new IdempotentCreate(201, keyLocation(key), json.write(key), false);
        }, issued -> json.write(json.read(issued.body(), IssuedKey.class).withoutSecret()));
    }

    private static String keyLocation(IssuedKey key) {
        return "/api/v1/manage/consumers/" + key.consumerId() + "/keys/" + key.id();
    }

    public List<ApiKeyView> keys(String consumerId) {
        find(consumerId);
        return ApiKey.<ApiKey>list("consumerId = ?1 order by createdAt desc", consumerId).stream().map(ApiKeyView::of).toList();
    }

    @Transactional
    public ApiKeyView revokeKey(String consumerId, String keyId, Actor editor) {
        ApiKey key = ApiKey.findById(keyId, LockModeType.PESSIMISTIC_WRITE);
        if (key == null || !key.consumerId.equals(consumerId)) {
            throw new NotFoundException("No key '" + keyId + "' for consumer '" + consumerId + "'.");
        }
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now(clock);
            changes.record(editor, new AuditLog.Write("api-key.revoked", "consumer", consumerId, null, Map.of("keyId", keyId)),
                    new ApiKeyChanged(SecurityChanges.meta(editor, key.revokedAt), consumerId, keyId, "revoked"));
        }
        afterCommit.run(() -> authenticator.forgetKey(keyId));
        return ApiKeyView.of(key);
    }

    /**
     * Registers a consumer with a key chosen outside the hub (the demo consumer's, from HUB_DEMO_API_KEY), or brings
     * it up to date when it exists. The key is stored hashed like any other.
     */
    @Transactional
    public void ensureWithKey(String id, ConsumerInput input, String key, Instant expiresAt, Actor editor) {
        Consumer consumer = Consumer.findById(id, LockModeType.PESSIMISTIC_WRITE);
        ConsumerInput valid = validator.validate(input);
        if (consumer == null) {
            register(id, valid, editor);
        } else {
            apply(consumer, valid);
            consumer.version++;
            changes.record(editor, new AuditLog.Write("consumer.updated", "consumer", id, consumer.version, access(consumer)),
                new ConsumerChanged(SecurityChanges.meta(editor, Instant.now(clock)), id, "updated"));
        }
        if (ApiKey.count("keyHash", (Object) ApiKeySecrets.hash(key)) == 0) {
            store(id, key, expiresAt, editor);
        }
    }

    private Consumer register(String id, ConsumerInput valid, Actor editor) {
        Instant now = Instant.now(clock);
        Consumer consumer = new Consumer();
        consumer.id = id;
        consumer.createdAt = now;
        consumer.version = 1;
        apply(consumer, valid);
        consumer.persist();
        changes.record(editor, new AuditLog.Write("consumer.created", "consumer", id, 1L, Map.of("name", consumer.name, "scopes", consumer.scopes)),
                new ConsumerChanged(SecurityChanges.meta(editor, now), id, "created"));
        return consumer;
    }

    /** What a consumer may read, for the audit log. */
    private static Map<String, Object> access(Consumer consumer) {
        return Map.of("scopes", consumer.scopes, "languages", consumer.languages, "topics", consumer.topics, "countries", consumer.countries,
                "requestsPerMinute", consumer.requestsPerMinute, "active", consumer.active);
    }

    private IssuedKey store(String consumerId, String secret, Instant expiresAt, Actor editor) {
        ApiKey key = new ApiKey();
        key.id = Ids.newId();
        key.consumerId = consumerId;
        key.keyHash = ApiKeySecrets.hash(secret);
        key.hint = ApiKeySecrets.hint(secret);
        key.createdAt = Instant.now(clock);
        key.createdBy = editor.userId();
        key.expiresAt = expiresAt;
        key.persist();
        changes.record(editor, new AuditLog.Write("api-key.issued", "consumer", consumerId, null,
                expiresAt == null ? Map.of("keyId", key.id) : Map.of("keyId", key.id, "expiresAt", expiresAt.toString())),
                new ApiKeyChanged(SecurityChanges.meta(editor, key.createdAt), consumerId, key.id, "issued"));
        return new IssuedKey(key.id, consumerId, secret, key.hint, expiresAt);
    }

    private void apply(Consumer consumer, ConsumerInput valid) {
        consumer.name = valid.name();
        consumer.kind = valid.kind();
        consumer.organisation = valid.organisation();
        consumer.scopes = new ArrayList<>(valid.scopes());
        consumer.languages = new ArrayList<>(valid.languages());
        consumer.topics = new ArrayList<>(valid.topics());
        consumer.countries = new ArrayList<>(valid.countries());
        consumer.requestsPerMinute = valid.requestsPerMinute();
        consumer.active = valid.active();
        consumer.updatedAt = Instant.now(clock);
    }

    private static Consumer find(String id) {
        Consumer consumer = Consumer.findById(id);
        if (consumer == null) {
            throw new NotFoundException("No consumer '" + id + "'.");
        }
        return consumer;
    }
}
