package org.imagehub.content.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.imagehub.content.events.ContentChanges;
import org.imagehub.content.events.LocalizationTransitioned;
import org.imagehub.content.events.StoriesPublished;
import org.imagehub.content.story.Localization;
import org.imagehub.content.story.Story;
import org.hibernate.Session;
import org.imagehub.platform.errors.DatabaseBusyException;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ProblemCatalog;
import org.imagehub.security.Actor;
import org.jboss.logging.Logger;
import org.imagehub.platform.NativeSql;

/**
 * Publishes the drafts of many stories in one transaction: the stories are locked in id order once, every step is
 * decided by {@link EditorialPolicy} and recorded by {@link WorkflowRecorder} exactly as single requests record them
 * (transition, audit entry, outbox event per step), the transitions are inserted as one batch, and observers get
 * one {@link StoriesPublished} for the batch (delivery projects each story once, under one lock of its clock). A story whose steps are refused is left
 * untouched and reported; if the batch fails on something only the database sees, each story is published alone.
 */
@ApplicationScoped
public class BulkPublisher {
    private static final Logger LOG = Logger.getLogger(BulkPublisher.class);
    private static final List<WorkflowAction> STEPS = List.of(WorkflowAction.SUBMIT, WorkflowAction.APPROVE, WorkflowAction.PUBLISH);

    private final WorkflowService workflow;
    private final WorkflowRecorder recorder;
    private final ContentChanges changes;
    private final EntityManager entityManager;
    private final Clock clock;

    public BulkPublisher(WorkflowService workflow, WorkflowRecorder recorder, ContentChanges changes, EntityManager entityManager,
            Clock clock) {
        this.workflow = workflow;
        this.recorder = recorder;
        this.changes = changes;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Each story's outcome, in request order. */
    public List<BulkPublishResource.Outcome> publishDrafts(List<String> storyIds, Actor editor) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> publishTogether(storyIds, editor));
        } catch (RuntimeException batchFailed) {
            if (DatabaseBusyException.causing(batchFailed).isPresent()) {
                // No connection to be had: one transaction per story would only wait longer. The caller gets 503.
                throw batchFailed;
            }
            // A deadlock, a concurrent change: each story alone, as one request per story would have done it.
            LOG.warnf(batchFailed, "Publishing %d stories together failed; publishing them one by one", storyIds.size());
            return storyIds.stream().map(id -> publishAlone(id, editor)).toList();
        }
    }

    private List<BulkPublishResource.Outcome> publishTogether(List<String> storyIds, Actor editor) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(storyIds));
        // Id order, the order every bulk writer locks stories in: no lock cycle with an import or another batch.
        NativeSql.bind(entityManager.createNativeQuery("select id from story where id = any(cast(?1 as text[])) order by id for update"),
                (Object) distinct.toArray(String[]::new)).getResultList();
        Map<String, Story> stories = loadReadOnly(distinct);
        java.util.Set<String> withImages = workflow.needingAltTextCheck(distinct);
        TransitionBatch transitions = new TransitionBatch();
        LinkedHashSet<String> toProject = new LinkedHashSet<>();
        List<ContentChanges.Recorded> steps = new ArrayList<>();
        List<BulkPublishResource.Outcome> outcomes = new ArrayList<>();
        LinkedHashSet<Story> changedStories = new LinkedHashSet<>();
        LinkedHashSet<Localization> changedLocalizations = new LinkedHashSet<>();
        for (String id : storyIds) {
            try {
                Story story = stories.get(id);
                if (story == null) {
                    throw new NotFoundException("No story '" + id + "'.");
                }
                List<Planned> plan = plan(story, editor, withImages.contains(story.id));
                Instant now = Instant.now(clock);
                for (Planned step : plan) {
                    ContentChanges.Recorded recorded = recorder.change(story, step.localization(),
                            new WorkflowRecorder.Step(step.action(), step.target(), editor, null, false, null), now, transitions);
                    steps.add(recorded);
                    changedStories.add(story);
                    changedLocalizations.add(step.localization());
                    if (((LocalizationTransitioned) recorded.event()).liveChanged()) {
                        toProject.add(story.id);
                    }
                }
                outcomes.add(new BulkPublishResource.Outcome(id, (int) plan.stream().filter(step -> step.action() == WorkflowAction.PUBLISH).count(),
                        null, null));
            } catch (DomainException refused) {
                outcomes.add(refusal(id, refused));
            }
        }
        WorkflowStateRows.write(entityManager, List.copyOf(changedStories), List.copyOf(changedLocalizations));
        transitions.insert(entityManager);
        changes.recordBatch(editor, steps, new StoriesPublished(ContentChanges.meta(editor, Instant.now(clock)), List.copyOf(toProject),
                steps.stream().map(step -> (LocalizationTransitioned) step.event()).toList()));
        return outcomes;
    }

    /**
     * The stories with their localizations, read-only: Hibernate neither snapshots nor dirty-checks them, and what the
     * steps change is written by {@link WorkflowStateRows}, one update per table.
     */
    private Map<String, Story> loadReadOnly(List<String> ids) {
        Session session = entityManager.unwrap(Session.class);
        Map<String, Story> stories = Story.<Story>list("id in ?1", ids).stream().collect(Collectors.toMap(story -> story.id, Function.identity()));
        for (Story story : stories.values()) {
            session.setReadOnly(story, true);
            story.localizations.forEach(localization -> session.setReadOnly(localization, true));
        }
        return stories;
    }

    private record Planned(Localization localization, WorkflowAction action, WorkflowState target) {
    }

    /**
     * Every step for every draft localization, each decided on the state the previous step leaves, before anything is
     * written: a refusal leaves the whole story as it was, as its own transaction used to.
     */
    private List<Planned> plan(Story story, Actor editor, boolean checkAltText) {
        List<Planned> plan = new ArrayList<>();
        for (Localization localization : story.localizations) {
            if (!WorkflowState.DRAFT.code().equals(localization.status)) {
                continue;
            }
            if (checkAltText) {
                workflow.requireAltText(story.id, localization.lang);
            }
            WorkflowState state = WorkflowState.DRAFT;
            for (WorkflowAction action : STEPS) {
                // Live status changes only with the last step (publish), so the original one holds for every decision.
                state = EditorialPolicy.decide(editor, story.organisation, state, localization.publishedRevision != null,
                        "breaking".equals(story.priority), action).orThrow();
                plan.add(new Planned(localization, action, state));
            }
        }
        return plan;
    }

    private BulkPublishResource.Outcome publishAlone(String id, Actor editor) {
        try {
            return new BulkPublishResource.Outcome(id, workflow.publishDrafts(id, editor), null, null);
        } catch (DomainException refused) {
            return refusal(id, refused);
        }
    }

    private static BulkPublishResource.Outcome refusal(String id, DomainException refused) {
        return new BulkPublishResource.Outcome(id, 0, ProblemCatalog.forDomain(refused, null).type().toString(), refused.getMessage());
    }
}
