package org.imagehub.content.topic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;
import org.imagehub.security.consumer.TopicDirectory;
import org.imagehub.content.events.ContentChanges;
import org.imagehub.content.events.TopicChanged;
import java.util.Set;
import java.util.TreeSet;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.content.text.TextChecks;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.idempotency.IdempotencyStore;
import org.imagehub.platform.idempotency.IdempotentCreate;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TopicService implements TopicDirectory {
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final java.util.regex.Pattern IPTC = java.util.regex.Pattern.compile("medtop:\\d{8}");

    private final ContentChanges changes;
    private final IdempotencyStore idempotency;
    private final Json json;
    private final Clock clock;

    public TopicService(ContentChanges changes, IdempotencyStore idempotency, Json json, Clock clock) {
        this.changes = changes;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    public List<TopicView> all() {
        return Topic.<Topic>listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(this::view).toList();
    }

    /** The answer to a save (replayed for a retry with the same Idempotency-Key), and the ETag of the version written. */
    public record Saved(IdempotentCreate answer, String etag) {
    }

    /** Creates a topic (201) or replaces it (200, needs If-Match with its current ETag). */
    @Transactional
    public Saved save(String code, TopicInput input, String ifMatch, String idempotencyKey, Actor editor) {
        Topic[] written = new Topic[1];
        IdempotentCreate answer = idempotency.execute("topic:" + editor.userId(), idempotencyKey,
                json.write(new Object[] {code, input, ifMatch}), () -> {
                    written[0] = write(code, input, ifMatch, editor);
                    return new IdempotentCreate(written[0].version == 1 ? 201 : 200, null, json.write(view(written[0])), false);
                });
        // A replay writes nothing, so it names no version (Created.response sends no ETag then).
        return new Saved(answer, written[0] == null ? null : EntityTags.of(written[0].version));
    }

    /** Checks every field before writing, and names each one at fault, like the other managed resources. */
    private Topic write(String code, TopicInput input, String ifMatch, Actor editor) {
        List<FieldError> errors = new ArrayList<>();
        if (!CODE.matcher(code).matches() || code.length() > 60) {
            errors.add(new FieldError("path.code", "invalid", "lowercase letters, digits and dashes, at most 60"));
        }
        if (input.code() != null && !input.code().equals(code)) {
            errors.add(new FieldError("code", "mismatch", "must equal the code in the path"));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (input.labels() == null || input.labels().isEmpty()) {
            errors.add(new FieldError("labels", "required", "at least one label"));
        } else {
            input.labels().forEach((lang, label) -> {
                try {
                    String tag = LanguageTags.canonical(lang, "labels." + lang);
                    TextChecks.check("labels." + lang, label, 100, true, errors);
                    labels.put(tag, label);
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
            });
        }
        if (input.iptcMediaTopic() != null && !IPTC.matcher(input.iptcMediaTopic()).matches()) {
            errors.add(new FieldError("iptcMediaTopic", "invalid", "an IPTC Media Topic such as medtop:11000000"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() + " invalid field(s).", errors);
        }
        Instant now = Instant.now(clock);
        Topic topic = Topic.findById(code, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean created = topic == null;
        if (created) {
            topic = new Topic();
            topic.code = code;
            topic.createdAt = now;
            topic.version = 1;
        } else {
            EntityTags.requireMatch(ifMatch, topic.version);
            topic.version++;
        }
        topic.labelsJson = json.write(labels);
        topic.iptcMediaTopic = input.iptcMediaTopic();
        topic.updatedAt = now;
        if (created) {
            topic.persist();
        }
        changes.record(editor, new AuditLog.Write(created ? "topic.created" : "topic.updated", "topic", topic.code, topic.version,
                Map.of("labels", labels.keySet())), new TopicChanged(ContentChanges.meta(editor, now), topic.code));
        return topic;
    }

    /** The codes among {@code codes} that name no topic. */
    @Override
    public Set<String> unknown(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        Set<String> unknown = new TreeSet<>(codes);
        unknown.removeAll(Topic.getEntityManager()
                .createQuery("select t.code from Topic t where t.code in ?1", String.class)
                .setParameter(1, Set.copyOf(codes))
                // Topics are not written with stories: no need to flush (and break up) a bulk import's pending inserts.
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .getResultList());
        return unknown;
    }

    @SuppressWarnings("unchecked")
    private TopicView view(Topic topic) {
        return new TopicView(topic.code, json.read(topic.labelsJson, LinkedHashMap.class), topic.iptcMediaTopic, topic.version);
    }
}
