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
import org.imagehub.security.Editor;
import org.imagehub.security.audit.AuditLog;
import java.util.Set;
import java.util.TreeSet;
import org.imagehub.content.text.LanguageTags;
import org.imagehub.content.text.TextChecks;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TopicService {
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final java.util.regex.Pattern IPTC = java.util.regex.Pattern.compile("medtop:\\d{8}");

    private final AuditLog audit;
    private final Json json;
    private final Clock clock;

    public TopicService(AuditLog audit, Json json, Clock clock) {
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public List<TopicInput> all() {
        return Topic.<Topic>listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(this::view).toList();
    }

    /** Creates or replaces a topic. */
    @Transactional
    public TopicInput save(TopicInput input, Editor editor) {
        List<FieldError> errors = new ArrayList<>();
        if (input.code() == null || !CODE.matcher(input.code()).matches() || input.code().length() > 60) {
            errors.add(new FieldError("code", "invalid", "lowercase letters, digits and dashes, at most 60"));
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
        Topic topic = Topic.findById(input.code());
        boolean created = topic == null;
        if (created) {
            topic = new Topic();
            topic.code = input.code();
            topic.createdAt = Instant.now(clock);
        }
        topic.labelsJson = json.write(labels);
        topic.iptcMediaTopic = input.iptcMediaTopic();
        if (created) {
            topic.persist();
        }
        audit.record(editor, new AuditLog.Write(created ? "topic.created" : "topic.updated", "topic", topic.code, null, Map.of()));
        return view(topic);
    }

    /** The codes among {@code codes} that name no topic. */
    public Set<String> unknown(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        Set<String> unknown = new TreeSet<>(codes);
        unknown.removeAll(Topic.getEntityManager()
                .createQuery("select t.code from Topic t where t.code in :codes", String.class)
                .setParameter("codes", Set.copyOf(codes))
                // Topics are not written with stories: no need to flush (and break up) a bulk import's pending inserts.
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .getResultList());
        return unknown;
    }

    @SuppressWarnings("unchecked")
    private TopicInput view(Topic topic) {
        return new TopicInput(topic.code, json.read(topic.labelsJson, LinkedHashMap.class), topic.iptcMediaTopic);
    }
}
