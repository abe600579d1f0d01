package org.imagehub.content.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.content.revision.FieldChange;
import org.imagehub.content.revision.LocalizationRevision;
import org.imagehub.content.revision.RevisionContent;
import org.imagehub.content.revision.RevisionService;
import org.imagehub.content.text.LanguageTags;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.ConflictException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.idempotency.IdempotencyStore;
import org.imagehub.platform.idempotency.IdempotentCreate;
import org.imagehub.platform.paging.Cursors;
import org.imagehub.security.Editor;

/** Stories and their localizations for the management API: create, read, revise, restore. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StoryService {
    private final StoryValidator validator;
    private final StoryWriter writer;
    private final StoryViews views;
    private final RevisionService revisions;
    private final IdempotencyStore idempotency;
    private final Cursors cursors;
    private final Json json;
    private final Clock clock;

    StoryService(StoryValidator validator, StoryWriter writer, StoryViews views, RevisionService revisions, IdempotencyStore idempotency,
            Cursors cursors, Json json, Clock clock) {
        this.validator = validator;
        this.writer = writer;
        this.views = views;
        this.revisions = revisions;
        this.idempotency = idempotency;
        this.cursors = cursors;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public IdempotentCreate create(StoryInput input, Editor editor, String idempotencyKey) {
        return idempotency.execute("story:" + editor.userId(), idempotencyKey, json.write(input), () -> {
            ValidStory valid = validator.validateNew(input);
            requireFreeExternalId(valid.externalId());
            Story story = writer.create(valid, editor);
            return new IdempotentCreate(201, "/api/v1/manage/stories/" + story.id, json.write(views.story(story)), false);
        });
    }

    public StoryView get(String id) {
        return views.story(find(id));
    }

    public StoryPage list(String type, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from Story s where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (type != null) {
            query.append(" and s.type = :type");
            parameters.put("type", type);
        }
        if (cursor != null) {
            String[] position = cursors.decode(cursor, "cursor").split("\\|", 2);
            query.append(" and (s.updatedAt < :updatedAt or (s.updatedAt = :updatedAt and s.id < :id))");
            parameters.put("updatedAt", Instant.parse(position[0]));
            parameters.put("id", position[1]);
        }
        query.append(" order by s.updatedAt desc, s.id desc");
        List<Story> stories = Story.find(query.toString(), parameters).page(0, limit + 1).list();
        boolean more = stories.size() > limit;
        List<Story> page = more ? stories.subList(0, limit) : stories;
        String next = null;
        if (more) {
            Story last = page.get(page.size() - 1);
            next = cursors.encode(last.updatedAt + "|" + last.id);
        }
        return new StoryPage(page.stream().map(views::story).toList(), next);
    }

    @Transactional
    public StoryView updateAttributes(String id, StoryInput input, String ifMatch, Editor editor) {
        Story story = lock(id);
        EntityTags.requireMatch(ifMatch, story.version);
        ValidStory valid = validator.validateAttributes(new StoryInput(input.externalId(), input.type() == null ? story.type : input.type(),
                input.organisation(), input.priority(), input.topics(), input.countries(), input.tags(), input.keyMessages(), input.rights(),
                input.fields(), input.embargoUntil(), input.expiresAt(), input.localizations()));
        if (valid.externalId() != null && !valid.externalId().equals(story.externalId)) {
            requireFreeExternalId(valid.externalId());
        }
        writer.updateAttributes(story, valid, editor);
        return views.story(story);
    }

    public LocalizationView getLocalization(String id, String lang) {
        return views.localization(findLocalization(find(id), lang));
    }

    /** The result of a localization save: its view and whether it was created. */
    public record SavedLocalization(LocalizationView view, boolean created) {
    }

    /**
     * Creates the localization when the story has none in that language (no If-Match needed), otherwise
     * revises it (If-Match with the localization's ETag required).
     */
    @Transactional
    public SavedLocalization saveLocalization(String id, String lang, LocalizationInput input, String ifMatch, Editor editor) {
        Story story = lock(id);
        ValidStory.ValidLocalization valid = validator.validateLocalization(input, story.type, lang);
        Localization existing = story.localizations.stream().filter(l -> l.lang.equals(valid.lang())).findFirst().orElse(null);
        if (existing != null) {
            EntityTags.requireMatch(ifMatch, existing.version);
        }
        StoryWriter.Saved saved = writer.saveLocalization(story, valid, editor);
        return new SavedLocalization(views.localization(findLocalization(story, valid.lang())), saved == StoryWriter.Saved.CREATED);
    }

    public List<LocalizationRevision> revisions(String id, String lang) {
        return revisions.list(findLocalization(find(id), lang).id);
    }

    public LocalizationRevision revision(String id, String lang, int number) {
        return revisions.get(findLocalization(find(id), lang).id, number);
    }

    public List<FieldChange> diff(String id, String lang, int from, int to) {
        return revisions.diff(findLocalization(find(id), lang).id, from, to);
    }

    /** Makes an old revision current again, as a new revision: history only grows. */
    @Transactional
    public LocalizationView restore(String id, String lang, int number, String ifMatch, Editor editor) {
        Story story = lock(id);
        Localization localization = findLocalization(story, lang);
        EntityTags.requireMatch(ifMatch, localization.version);
        LocalizationRevision revision = revisions.get(localization.id, number);
        RevisionContent content = RevisionContent.of(revision);
        writer.restoreContent(localization, content);
        writer.revise(story, localization, number, editor, Instant.now(clock));
        return views.localization(localization);
    }

    /** What an import line did to the hub. */
    public enum UpsertOutcome { CREATED, UPDATED, UNCHANGED }

    /** The import's rules only: every story has an external id, by which a repeated import finds it again. */
    public ValidStory precheckImport(StoryInput input) {
        if (input.externalId() == null || input.externalId().isBlank()) {
            throw ValidationException.of("externalId", "required", "import lines need an externalId to stay idempotent");
        }
        return validator.validateNew(input);
    }

    /**
     * Creates the story of an import line, or brings the existing story with that external id up to date; an
     * identical line changes nothing and makes no revision. Runs in the importer's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Upserted upsertByExternalId(ValidStory valid, Editor editor) {
        // COMMIT flush mode: looking up one line must not flush the chunk's pending inserts out of their batch.
        Story existing = Story.find("externalId", valid.externalId()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, org.hibernate.FlushMode.COMMIT).firstResult();
        if (existing == null) {
            return new Upserted(writer.create(valid, editor).id, UpsertOutcome.CREATED);
        }
        boolean changed = false;
        if (writer.attributesDiffer(existing, valid, editor)) {
            writer.updateAttributes(existing, valid, editor);
            changed = true;
        }
        for (ValidStory.ValidLocalization localization : valid.localizations()) {
            changed |= writer.saveLocalization(existing, localization, editor) != StoryWriter.Saved.UNCHANGED;
        }
        return new Upserted(existing.id, changed ? UpsertOutcome.UPDATED : UpsertOutcome.UNCHANGED);
    }

    public record Upserted(String id, UpsertOutcome outcome) {
    }

    private void requireFreeExternalId(String externalId) {
        if (externalId != null && Story.count("externalId", externalId) > 0) {
            throw new ConflictException("A story with externalId '" + externalId + "' exists already.",
                    List.of(new FieldError("externalId", "duplicate", "already used by another story")));
        }
    }

    private static Story find(String id) {
        Story story = Story.findById(id);
        if (story == null) {
            throw new NotFoundException("No story '" + id + "'.");
        }
        return story;
    }

    /** Locks the story row: saves of one story are serialised, so version checks and revision numbers cannot race. */
    private static Story lock(String id) {
        Story story = Story.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (story == null) {
            throw new NotFoundException("No story '" + id + "'.");
        }
        return story;
    }

    private static Localization findLocalization(Story story, String lang) {
        String tag = LanguageTags.canonical(lang, "lang");
        return story.localizations.stream().filter(l -> l.lang.equals(tag)).findFirst()
                .orElseThrow(() -> new NotFoundException("Story '" + story.id + "' has no localization in " + tag + "."));
    }
}
