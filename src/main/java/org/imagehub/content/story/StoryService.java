package org.imagehub.content.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.content.revision.FieldChange;
import org.imagehub.content.revision.LocalizationRevision;
import org.imagehub.content.revision.RevisionContent;
import org.imagehub.content.revision.RevisionService;
import org.imagehub.content.revision.RevisionView;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.content.workflow.EditorialPolicy;
import org.imagehub.content.workflow.WorkflowAction;
import org.imagehub.content.workflow.WorkflowRecorder;
import org.imagehub.content.workflow.WorkflowState;
import org.imagehub.platform.errors.ForbiddenException;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.ConflictException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.idempotency.IdempotencyStore;
import org.imagehub.platform.idempotency.IdempotentCreate;
import org.imagehub.platform.paging.Cursors;
import org.imagehub.security.Actor;
import org.imagehub.security.organisation.OrganisationService;
import org.imagehub.platform.IndexPathsOnly;
import org.imagehub.platform.NativeSql;

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
    private final WorkflowRecorder workflow;
    private final OrganisationService organisations;
    private final Json json;
    private final Clock clock;

    StoryService(StoryValidator validator, StoryWriter writer, StoryViews views, RevisionService revisions, IdempotencyStore idempotency,
            Cursors cursors, WorkflowRecorder workflow, OrganisationService organisations, Json json, Clock clock) {
        this.organisations = organisations;
        this.validator = validator;
        this.writer = writer;
        this.views = views;
        this.revisions = revisions;
        this.idempotency = idempotency;
        this.cursors = cursors;
        this.workflow = workflow;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public IdempotentCreate create(StoryInput input, Actor editor, String idempotencyKey) {
        return idempotency.execute("story:" + editor.userId(), idempotencyKey, json.write(input), () -> {
            ValidStory valid = validator.validateNew(input);
            requireOrganisation(valid.organisation(), editor);
            requireFreeExternalId(valid.organisation() == null ? editor.organisation() : valid.organisation(), valid.externalId());
            Story story = writer.create(valid, editor);
            return new IdempotentCreate(201, "/api/v1/manage/stories/" + story.id, json.write(views.story(story)), false);
        });
    }

    public StoryView get(String id, Actor editor) {
        return view(visible(find(id), editor), editor);
    }

    /** Stories the editor acts for, and other organisations' stories that have a published localization. */
    public StoryPage list(String type, String cursor, int limit, Actor editor) {
        StringBuilder query = new StringBuilder("from Story s where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!EditorialPolicy.actsForAll(editor)) {
            query.append(" and (s.organisation = :organisation or (exists (select 1 from Localization l where l.story = s and l.status = 'published')"
                    + " and (s.embargoUntil is null or s.embargoUntil <= :now)))");
            parameters.put("organisation", editor.organisation());
            parameters.put("now", Instant.now(clock));
        }
        if (type != null) {
            query.append(" and s.type = :type");
            parameters.put("type", type);
        }
        if (cursor != null) {
            String[] position = cursors.decode(cursor, "manage-stories", "cursor");
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
            next = cursors.encode("manage-stories", last.updatedAt.toString(), last.id);
        }
        return new StoryPage(page.stream().map(story -> view(story, editor)).toList(), next);
    }

    @Transactional
    public StoryView updateAttributes(String id, StoryInput input, String ifMatch, Actor editor) {
        Story story = visible(lock(id), editor);
        requireActsFor(editor, story);
        EntityTags.requireMatch(ifMatch, story.version);
        ValidStory valid = validator.validateAttributes(new StoryInput(input.externalId(), input.type() == null ? story.type : input.type(),
                input.organisation(), input.priority(), input.topics(), input.countries(), input.tags(), input.keyMessages(), input.rights(),
                input.fields(), input.embargoUntil(), input.expiresAt(), input.localizations(), input.reason()));
        changeAttributes(story, valid, editor);
        return views.story(story);
    }

    /** A story's attribute revisions (what changed, by whom, why), newest first: for those who act for its owner. */
    public List<AttributeRevisionView> attributeRevisions(String id, Actor editor) {
        Story story = find(id);
        if (!EditorialPolicy.actsFor(editor, story.organisation)) {
            throw new NotFoundException("No story '" + id + "'.");
        }
        return writer.attributeRevisions(story.id);
    }

    /**
     * The one way a story's attributes change, for PUT and import alike: checked by {@link EditorialPolicy}, recorded
     * as an attribute revision with what changed. Returns whether anything changed.
     */
    private boolean changeAttributes(Story story, ValidStory valid, Actor editor) {
        StoryAttributes before = StoryAttributes.of(story, json.read(story.fieldsJson));
        StoryAttributes after = StoryAttributes.of(valid, story.organisation, json.read(valid.fieldsJson()));
        List<FieldChange> changes = before.changesTo(after);
        if (changes.isEmpty()) {
            return false;
        }
        boolean live = story.localizations.stream().anyMatch(l -> l.publishedRevision != null);
        boolean approvedOrLive = story.localizations.stream()
                .anyMatch(l -> EditorialPolicy.approvedOrLive(WorkflowState.of(l.status), l.publishedRevision != null));
        EditorialPolicy.decideAttributeChange(editor, story.organisation, approvedOrLive).orThrow();
        if (!after.organisation().equals(before.organisation())) {
            requireOrganisation(after.organisation(), editor);
        }
        if (after.externalId() != null && (!after.externalId().equals(before.externalId()) || !after.organisation().equals(before.organisation()))) {
            requireFreeExternalId(after.organisation(), after.externalId());
        }
        String why = valid.reason();
        if (live && why == null && changes.stream().anyMatch(change -> StoryAttributes.TIMING.contains(change.field()))) {
            throw ValidationException.of("reason", "required", "moving the embargo or expiry of a live story needs the reason, for the record");
        }
        writer.updateAttributes(story, valid, changes, why, editor);
        return true;
    }

    public LocalizationView getLocalization(String id, String lang, Actor editor) {
        return views.localization(visibleLocalization(find(id), lang, editor));
    }

    /** The result of a localization save: its view and whether it was created. */
    public record SavedLocalization(LocalizationView view, boolean created) {
    }

    /**
     * Creates the localization when the story has none in that language (no If-Match needed), otherwise
     * revises it (If-Match with the localization's ETag required).
     */
    @Transactional
    public SavedLocalization saveLocalization(String id, String lang, LocalizationInput input, String ifMatch, Actor editor) {
        Story story = visible(lock(id), editor);
        ValidStory.ValidLocalization valid = validator.validateLocalization(input, story.type, lang);
        Localization existing = story.localizations.stream().filter(l -> l.lang.equals(valid.lang())).findFirst().orElse(null);
        WorkflowState afterEdit = null;
        if (existing != null) {
            afterEdit = editDecision(editor, story, existing);
            EntityTags.requireMatch(ifMatch, existing.version);
        } else {
            requireActsFor(editor, story);
        }
        StoryWriter.Saved saved = writer.saveLocalization(story, valid, editor);
        if (saved == StoryWriter.Saved.UPDATED) {
            reopenIfNeeded(story, existing, afterEdit, editor);
        }
        return new SavedLocalization(views.localization(findLocalization(story, valid.lang())), saved == StoryWriter.Saved.CREATED);
    }

    public List<RevisionView> revisions(String id, String lang, Actor editor) {
        return revisions.list(ownLocalization(find(id), lang, editor).id).stream().map(RevisionView::of).toList();
    }

    public RevisionView revision(String id, String lang, int number, Actor editor) {
        return RevisionView.of(revisions.get(ownLocalization(find(id), lang, editor).id, number));
    }

    public List<FieldChange> diff(String id, String lang, int from, int to, Actor editor) {
        return revisions.diff(ownLocalization(find(id), lang, editor).id, from, to);
    }

    /** Makes an old revision current again, as a new revision: history only grows. */
    @Transactional
    public LocalizationView restore(String id, String lang, int number, String ifMatch, Actor editor) {
        Story story = lock(id);
        Localization localization = visibleLocalization(story, lang, editor);
        WorkflowState afterEdit = editDecision(editor, story, localization);
        EntityTags.requireMatch(ifMatch, localization.version);
        LocalizationRevision revision = revisions.get(localization.id, number);
        RevisionContent content = revision.content;
        writer.restoreContent(localization, content);
        writer.revise(story, localization, number, editor, Instant.now(clock));
        reopenIfNeeded(story, localization, afterEdit, editor);
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
    public Upserted upsertByExternalId(ValidStory valid, Actor editor) {
        // External ids are per organisation: a line finds only its own organisation's story, so another
        // organisation's id neither matches nor tells anything about that organisation's content.
        String organisation = valid.organisation() == null ? editor.organisation() : valid.organisation();
        requireOrganisation(organisation, editor);
        // COMMIT flush mode: looking up one line must not flush the chunk's pending inserts out of their batch.
        Story existing = Story.find("organisation = ?1 and externalId = ?2", organisation, valid.externalId())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, org.hibernate.FlushMode.COMMIT).firstResult();
        if (existing == null) {
            return new Upserted(writer.create(valid, editor).id, UpsertOutcome.CREATED);
        }
        boolean changed = changeAttributes(existing, valid, editor);
        for (ValidStory.ValidLocalization localization : valid.localizations()) {
            Localization before = existing.localizations.stream().filter(l -> l.lang.equals(localization.lang())).findFirst().orElse(null);
            StoryWriter.Saved saved = writer.saveLocalization(existing, localization, editor);
            if (saved == StoryWriter.Saved.UPDATED) {
                // The same rules as an editor's save: may this importer change it, and does it go back to review?
                reopenIfNeeded(existing, before, editDecision(editor, existing, before), editor);
            }
            changed |= saved != StoryWriter.Saved.UNCHANGED;
        }
        return new Upserted(existing.id, changed ? UpsertOutcome.UPDATED : UpsertOutcome.UNCHANGED);
    }

    /**
     * {@link #upsertByExternalId} for every line of an import chunk, in order, with the same outcome as one by one:
     * the stories that do not exist yet are created together ({@link StoryWriter#createAll}: one lookup, one reference
     * check and one slug allocation for all of them); a line whose story exists, or was created earlier in the chunk,
     * goes through {@link #upsertByExternalId} after the creates before it. Any line's error fails the call.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Upserted> upsertAllByExternalId(List<ValidStory> valids, Actor editor) {
        Set<String> organisationsChecked = new HashSet<>();
        Set<String> existing = existingExternalIds(valids.stream().map(ValidStory::externalId).toList());
        Set<String> createdHere = new HashSet<>();
        List<Upserted> results = new ArrayList<>(valids.size());
        List<ValidStory> toCreate = new ArrayList<>();
        for (ValidStory valid : valids) {
            String organisation = valid.organisation() == null ? editor.organisation() : valid.organisation();
            if (organisationsChecked.add(organisation)) {
                requireOrganisation(organisation, editor);
            }
            String key = organisation + "\n" + valid.externalId();
            if (existing.contains(key) || createdHere.contains(key)) {
                // The stories waiting are written first (as rows), so the lookup finds one created earlier in the chunk.
                createTogether(toCreate, editor, results);
                results.add(upsertByExternalId(valid, editor));
            } else {
                createdHere.add(key);
                toCreate.add(valid);
            }
        }
        createTogether(toCreate, editor, results);
        return results;
    }

    private void createTogether(List<ValidStory> toCreate, Actor editor, List<Upserted> results) {
        if (!toCreate.isEmpty()) {
            writer.createAll(toCreate, editor).forEach(story -> results.add(new Upserted(story.id, UpsertOutcome.CREATED)));
            toCreate.clear();
        }
    }

    /** "organisation\nexternalId" of the stories that have one of these external ids. */
    @SuppressWarnings("unchecked")
    private static Set<String> existingExternalIds(List<String> externalIds) {
        List<Object[]> rows = IndexPathsOnly.during(Story.getEntityManager(), () -> NativeSql.bind(Story.getEntityManager()
                .createNativeQuery("select organisation, external_id from story where external_id = any(cast(?1 as text[]))"),
                (Object) externalIds.toArray(String[]::new))
                .setHint(org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, org.hibernate.FlushMode.COMMIT)
                .getResultList());
        Set<String> keys = new HashSet<>();
        for (Object[] row : rows) {
            keys.add(row[0] + "\n" + row[1]);
        }
        return keys;
    }

    /** Locks the existing stories with these external ids, in id order (the order every bulk writer takes them in). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockByExternalIds(List<String> externalIds) {
        // Both look-ups by external id (V44 index) plan with index paths only: an import into empty tables runs on
        // statistics that still say "empty", and a scan per chunk grows with every chunk.
        IndexPathsOnly.during(Story.getEntityManager(), () -> NativeSql.bind(Story.getEntityManager().createNativeQuery(
                        "select id from story where external_id = any(cast(?1 as text[])) order by id for update"),
                (Object) externalIds.toArray(String[]::new))
                .setHint(org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, org.hibernate.FlushMode.COMMIT)
                .getResultList());
    }

    public record Upserted(String id, UpsertOutcome outcome) {
    }

    private static void requireFreeExternalId(String organisation, String externalId) {
        if (externalId != null && Story.count("organisation = ?1 and externalId = ?2", organisation, externalId) > 0) {
            throw new ConflictException("A story of organisation '" + organisation + "' has externalId '" + externalId + "' already.",
                    List.of(new FieldError("externalId", "duplicate", "already used by another story of this organisation")));
        }
    }

    /** Content edits of live or approved localizations go back to draft: words change only through review. */
    private static WorkflowState editDecision(Actor editor, Story story, Localization localization) {
        return EditorialPolicy.decide(editor, story.organisation, WorkflowState.of(localization.status), localization.publishedRevision != null,
                "breaking".equals(story.priority), WorkflowAction.EDIT).orThrow();
    }

    private void reopenIfNeeded(Story story, Localization localization, WorkflowState afterEdit, Actor editor) {
        if (afterEdit != null && !afterEdit.code().equals(localization.status)) {
            workflow.apply(story, localization, new WorkflowRecorder.Step(WorkflowAction.EDIT, afterEdit, editor, null, false, null),
                    Instant.now(clock));
        }
    }

    private static void requireActsFor(Actor editor, Story story) {
        if (!EditorialPolicy.actsFor(editor, story.organisation)) {
            throw new ForbiddenException("Only organisation '" + story.organisation + "' or a central approver may change this story.");
        }
    }

    /** Editors create content for their own organisation; admins and central approvers for any that exists. */
    private void requireOrganisation(String organisation, Actor editor) {
        if (organisation == null || organisation.equals(editor.organisation())) {
            return;
        }
        if (!EditorialPolicy.actsFor(editor, organisation)) {
            throw new ForbiddenException("You may not write content for organisation '" + organisation + "'.",
                    List.of(new FieldError("organisation", "forbidden", "your own organisation, unless you are an admin or central approver")));
        }
        if (!organisations.exists(organisation)) {
            throw ValidationException.of("organisation", "unknown-organisation", "no organisation '" + organisation + "'");
        }
    }

    /** Outside the organisations one acts for, a story exists only if some localization of it is published and it is not under embargo. */
    private Story visible(Story story, Actor editor) {
        Instant now = Instant.now(clock);
        if (story.localizations.stream().noneMatch(l -> EditorialPolicy.maySee(editor, story.organisation, WorkflowState.of(l.status),
                story.underEmbargo(now)))) {
            throw new NotFoundException("No story '" + story.id + "'.");
        }
        return story;
    }

    /** History (revisions, diffs) holds unpublished text: only for those who act for the owner. */
    private static Localization ownLocalization(Story story, String lang, Actor editor) {
        if (!EditorialPolicy.actsFor(editor, story.organisation)) {
            throw new NotFoundException("Story '" + story.id + "' has no localization in " + lang + " you may see.");
        }
        return findLocalization(story, lang);
    }

    private Localization visibleLocalization(Story story, String lang, Actor editor) {
        Localization localization = findLocalization(story, lang);
        if (!EditorialPolicy.maySee(editor, story.organisation, WorkflowState.of(localization.status), story.underEmbargo(Instant.now(clock)))) {
            throw new NotFoundException("Story '" + story.id + "' has no localization in " + localization.lang + ".");
        }
        return localization;
    }

    private StoryView view(Story story, Actor editor) {
        StoryView view = views.story(story);
        if (EditorialPolicy.actsFor(editor, story.organisation)) {
            return view;
        }
        return view.withLocalizations(view.localizations().stream().filter(l -> WorkflowState.PUBLISHED.code().equals(l.status())).toList());
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
