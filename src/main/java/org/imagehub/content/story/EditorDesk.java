package org.imagehub.content.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.imagehub.content.workflow.EditorialPolicy;
import org.imagehub.platform.NativeSql;
import org.imagehub.security.Actor;

/**
 * What waits for a person: their organisation's drafts, what is in review, translations whose source moved on,
 * what is scheduled and what is under embargo (every organisation's for central approvers and admins). Breaking
 * stories first, then the most recently changed; each list bounded.
 */
@ApplicationScoped
public class EditorDesk {
    public record Item(String storyId, String lang, String title, String status, boolean breaking, String organisation, Instant updatedAt,
            Instant scheduledAt, Instant embargoUntil, String translatedFrom) {
    }

    public record Desk(List<Item> drafts, List<Item> inReview, List<Item> outdated, List<Item> scheduled, List<Item> embargoed) {
    }

    private static final String ITEM = """
            select s.id, l.lang, l.title, l.status, s.priority = 'breaking', s.organisation, l.updated_at, l.scheduled_at, s.embargo_until,
                   l.translated_from_lang
            from localization l join story s on s.id = l.story_id
            where (?1 or s.organisation = ?2) and %s
            order by s.priority = 'breaking' desc, l.updated_at desc, s.id, l.lang
            limit ?3""";

    private final EntityManager entityManager;
    private final Clock clock;

    public EditorDesk(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public Desk of(Actor actor, int limit) {
        return new Desk(
                items(actor, limit, "l.status = 'draft'"),
                items(actor, limit, "l.status = 'in_review'"),
                items(actor, limit, """
                        l.translated_from_lang is not null and exists (select 1 from localization src where src.story_id = s.id
                        and src.lang = l.translated_from_lang and src.current_revision > l.translated_from_revision)"""),
                items(actor, limit, "l.status = 'scheduled'"),
                items(actor, limit, "s.embargo_until > ?4 and l.status not in ('withdrawn', 'archived')", Timestamp.from(clock.instant())));
    }

    /** {@code more} binds ?4 onwards, for conditions that take parameters of their own. */
    private List<Item> items(Actor actor, int limit, String condition, Object... more) {
        Object[] parameters = new Object[3 + more.length];
        parameters[0] = EditorialPolicy.actsForAll(actor);
        parameters[1] = actor.organisation();
        parameters[2] = limit;
        System.arraycopy(more, 0, parameters, 3, more.length);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NativeSql.bind(entityManager.createNativeQuery(ITEM.formatted(condition)), parameters).getResultList();
        return rows.stream().map(row -> new Item((String) row[0], (String) row[1], (String) row[2], (String) row[3], (Boolean) row[4],
                (String) row[5], instant(row[6]), instant(row[7]), instant(row[8]), (String) row[9])).toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }
}
