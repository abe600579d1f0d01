package org.imagehub.content.keymessage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.content.text.TextChecks;
import org.imagehub.content.workflow.EditorialPolicy;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.ConflictException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ForbiddenException;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.idempotency.IdempotencyStore;
import org.imagehub.platform.idempotency.IdempotentCreate;
import org.imagehub.security.Actor;
import org.imagehub.security.Roles;
import org.imagehub.security.organisation.OrganisationService;
import org.imagehub.security.audit.AuditLog;
import org.imagehub.content.events.ContentChanges;
import org.imagehub.content.events.KeyMessageChanged;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class KeyMessageService {
    static final int MAX_TEXT = 500;
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final EntityManager entityManager;
    private final IdempotencyStore idempotency;
    private final ContentChanges changes;
    private final Json json;
    private final Clock clock;
    private final List<String> targetLanguages;
    private final OrganisationService organisations;

    public KeyMessageService(EntityManager entityManager, IdempotencyStore idempotency, ContentChanges changes, Json json,
            Clock clock, HubConfig config, OrganisationService organisations) {
        this.organisations = organisations;
        this.entityManager = entityManager;
        this.idempotency = idempotency;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
        this.targetLanguages = config.content().targetLanguages();
    }

    public List<KeyMessageView> list(boolean activeOnly) {
        Instant now = Instant.now(clock);
        return KeyMessage.<KeyMessage>listAll(io.quarkus.panache.common.Sort.by("code")).stream()
                .filter(message -> !activeOnly || message.activeAt(now))
                .map(this::view)
                .toList();
    }

    public KeyMessageView get(String code) {
        return view(find(code));
    }

    @Transactional
    public IdempotentCreate create(KeyMessageInput input, Actor editor, String idempotencyKey) {
        return idempotency.execute("key-message:" + editor.userId(), idempotencyKey, json.write(input), () -> {
            Map<String, String> translations = validate(input, true);
            requireApproverFor(ownerOf(input, editor), editor);
            if (KeyMessage.findById(input.code()) != null) {
                throw new ConflictException("Key message '" + input.code() + "' exists already.",
                        List.of(new FieldError("code", "duplicate", "already used")));
            }
            KeyMessage message = new KeyMessage();
            message.code = input.code();
            message.createdAt = Instant.now(clock);
            message.version = 1;
            apply(message, input, translations, editor);
            message.persist();
            changes.record(editor, AuditLog.Write.of("key-message.created", "key-message", message.code, message.version),
                    new KeyMessageChanged(ContentChanges.meta(editor, Instant.now(clock)), message.code));
            KeyMessageView view = view(message);
            return new IdempotentCreate(201, "/api/v1/manage/key-messages/" + message.code, json.write(view), false);
        });
    }

    @Transactional
    public KeyMessageView update(String code, KeyMessageInput input, String ifMatch, Actor editor) {
        KeyMessage message = KeyMessage.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            throw new NotFoundException("No key message '" + code + "'.");
        }
        requireApproverFor(message.ownerOrganisation, editor);
        EntityTags.requireMatch(ifMatch, message.version);
        Map<String, String> translations = validate(new KeyMessageInput(code, input.owner(), input.validFrom(), input.validUntil(),
                input.translations()), false);
        if (input.owner() != null && !input.owner().isBlank() && !input.owner().equals(message.ownerOrganisation)) {
            requireApproverFor(input.owner(), editor);
        }
        apply(message, input, translations, editor);
        message.version++;
        changes.record(editor, AuditLog.Write.of("key-message.updated", "key-message", code, message.version),
                new KeyMessageChanged(ContentChanges.meta(editor, Instant.now(clock)), code));
        return view(message);
    }

    /** Codes among {@code codes} that name no key message. */
    public Set<String> unknown(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        Set<String> unknown = new TreeSet<>(codes);
        unknown.removeAll(entityManager.createQuery("select k.code from KeyMessage k where k.code in ?1", String.class)
                .setParameter(1, Set.copyOf(codes))
                // Key messages are not written with stories: no need to flush (and break up) a bulk import's pending inserts.
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList());
        return unknown;
    }

    /** For each active key message, the target languages with and without published content carrying it. */
    public List<KeyMessageCoverage> coverage() {
        Instant now = Instant.now(clock);
        List<KeyMessage> active = KeyMessage.<KeyMessage>listAll(io.quarkus.panache.common.Sort.by("code")).stream()
                .filter(message -> message.activeAt(now)).toList();
        // One query for all messages: (key message, language, stories) over live localizations. A language counts while an
        // approved revision of it is live, even when its localization is back in draft for the next edit.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select km.code, l.lang, count(distinct s.id)
                from story s
                cross join lateral unnest(s.key_messages) as km(code)
                join localization l on l.story_id = s.id and l.published_revision is not null
                group by km.code, l.lang""").getResultList();
        Map<String, Map<String, Long>> published = new TreeMap<>();
        for (Object[] row : rows) {
            published.computeIfAbsent((String) row[0], key -> new TreeMap<>()).put((String) row[1], ((Number) row[2]).longValue());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> storyCounts = entityManager.createNativeQuery("""
                select km.code, count(distinct s.id)
                from story s
                cross join lateral unnest(s.key_messages) as km(code)
                where exists (select 1 from localization l where l.story_id = s.id and l.published_revision is not null)
                group by km.code""").getResultList();
        Map<String, Integer> storiesPerMessage = new TreeMap<>();
        for (Object[] row : storyCounts) {
            storiesPerMessage.put((String) row[0], ((Number) row[1]).intValue());
        }
        List<KeyMessageCoverage> coverage = new ArrayList<>();
        for (KeyMessage message : active) {
            Map<String, Long> languages = published.getOrDefault(message.code, Map.of());
            List<String> with = targetLanguages.stream().filter(languages::containsKey).toList();
            List<String> without = targetLanguages.stream().filter(lang -> !languages.containsKey(lang)).toList();
            coverage.add(new KeyMessageCoverage(message.code, with, without, storiesPerMessage.getOrDefault(message.code, 0)));
        }
        return coverage;
    }

    private KeyMessage find(String code) {
        KeyMessage message = KeyMessage.findById(code);
        if (message == null) {
            throw new NotFoundException("No key message '" + code + "'.");
        }
        return message;
    }

    /** Key messages speak for their owner: only its approvers (or a central approver, or an admin) create or change them. */
    private void requireApproverFor(String owner, Actor editor) {
        if (!EditorialPolicy.actsFor(editor, owner) || Roles.level(editor.roles()) != Roles.Level.APPROVER) {
            throw new ForbiddenException("Only approvers of organisation '" + owner + "' (or of a central organisation) may change its key messages.");
        }
        if (!owner.equals(editor.organisation()) && !organisations.exists(owner)) {
            throw ValidationException.of("owner", "unknown-organisation", "no organisation '" + owner + "'");
        }
    }

    private static String ownerOf(KeyMessageInput input, Actor editor) {
        return input.owner() == null || input.owner().isBlank() ? editor.organisation() : input.owner();
    }

    private void apply(KeyMessage message, KeyMessageInput input, Map<String, String> translations, Actor editor) {
        // An update that names no owner keeps the one the message has.
        message.ownerOrganisation = input.owner() != null && !input.owner().isBlank() ? input.owner()
                : message.ownerOrganisation != null ? message.ownerOrganisation : editor.organisation();
        message.validFrom = input.validFrom();
        message.validUntil = input.validUntil();
        message.translations.clear();
        message.translations.putAll(translations);
        message.updatedAt = Instant.now(clock);
    }

    private Map<String, String> validate(KeyMessageInput input, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (creating && (input.code() == null || !CODE.matcher(input.code()).matches() || input.code().length() > 80)) {
            errors.add(new FieldError("code", "invalid", "lowercase letters, digits and dashes, at most 80"));
        }
        TextChecks.check("owner", input.owner(), 80, false, errors);
        if (input.validFrom() != null && input.validUntil() != null && !input.validUntil().isAfter(input.validFrom())) {
            errors.add(new FieldError("validUntil", "before-start", "must be after validFrom"));
        }
        Map<String, String> translations = new TreeMap<>();
        if (input.translations() == null || input.translations().isEmpty()) {
            errors.add(new FieldError("translations", "required", "at least one language"));
        } else {
            input.translations().forEach((lang, text) -> {
                try {
                    String tag = LanguageTags.canonical(lang, "translations." + lang);
                    TextChecks.check("translations." + lang, text, MAX_TEXT, true, errors);
                    translations.put(tag, text);
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() + " invalid field(s).", errors);
        }
        return translations;
    }

    private KeyMessageView view(KeyMessage message) {
        return new KeyMessageView(message.code, message.ownerOrganisation, message.validFrom, message.validUntil,
                new TreeMap<>(message.translations), message.activeAt(Instant.now(clock)), message.version);
    }
}
