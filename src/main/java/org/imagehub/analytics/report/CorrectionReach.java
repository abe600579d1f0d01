package org.imagehub.analytics.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.delivery.receipts.ConsumerReceipt;
import org.imagehub.delivery.receipts.DeliveryReceipts;
import org.imagehub.delivery.receipts.LanguageReceipts;
import org.imagehub.delivery.receipts.StoryReceipts;
import org.imagehub.platform.SqlQuery;

/**
 * The consistency measure: corrections (a published language published again) and removals in the range, and whether each consumer that had the story got the change in time, as
 * delivery receipts see it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CorrectionReach {
    static final int MAX_CHANGES = 500;
    static final String CORRECTION = "correction";

    private final EntityManager entityManager;
    private final DeliveryReceipts receipts;

    public CorrectionReach(EntityManager entityManager, DeliveryReceipts receipts) {
        this.entityManager = entityManager;
        this.receipts = receipts;
    }

    private record Change(String storyId, String lang, String kind, Instant at) {
    }

    public CorrectionReachReport report(ReportFilter filter, Duration within) {
        Instant start = filter.period().from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = filter.period().to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // A correction: a language published again (a new revision approved) after its first publication; the latest
        // in the range counts, as receipts are about the current version.
        SqlQuery query = new SqlQuery().append("""
                select story_id, lang, kind, at from ((
                  select distinct on (w.story_id, w.lang) w.story_id, w.lang, 'correction' as kind, w.at from workflow_transition w
                    join story s on s.id = w.story_id
                   where w.to_status = 'published' and w.at >= ? and w.at < ?
                     and exists (select 1 from workflow_transition e where e.story_id = w.story_id and e.lang = w.lang and e.to_status = 'published' and e.id < w.id)""",
                start, end);
        filter.onStories(query, "w.lang");
        query.append("\n" + """
                   order by w.story_id, w.lang, w.at desc)
                  union all (
                  select t.story_id, t.lang, t.reason, t.removed_at from delivery_tombstone t join story s on s.id = t.story_id
                   where t.removed_at >= ? and t.removed_at < ? and t.seen_visible""", start, end);
        filter.onStories(query, "t.lang");
        query.append("\n)) changes order by at desc, story_id, lang limit ?", MAX_CHANGES + 1);
        List<Change> changes = query.read(entityManager, row -> new Change(row.getString(1), row.getString(2), row.getString(3), SqlQuery.instant(row, 4)));
        boolean truncated = changes.size() > MAX_CHANGES;
        Map<String, StoryReceipts> byStory = new HashMap<>();
        List<CorrectionReachReport.Row> rows = new ArrayList<>();
        long consumers = 0;
        long inTime = 0;
        long stillLive = 0;
        for (Change change : truncated ? changes.subList(0, MAX_CHANGES) : changes) {
            StoryReceipts story = byStory.computeIfAbsent(change.storyId(), receipts::forStory);
            boolean correction = change.kind().equals(CORRECTION);
            LanguageReceipts language = story.languages().stream()
                    .filter(candidate -> candidate.lang().equals(change.lang()) && candidate.state().equals("live") == correction)
                    .findFirst().orElse(null);
            List<ConsumerReceipt> had = language == null ? List.of() : language.consumers();
            long reachedInTime = had.stream().filter(receipt -> reached(receipt) && !receipt.at().isAfter(change.at().plus(within))).count();
            long reached = had.stream().filter(CorrectionReach::reached).count();
            rows.add(new CorrectionReachReport.Row(change.storyId(), change.lang(), change.kind(), change.at(), had.size(), reachedInTime,
                    reached - reachedInTime, had.size() - reached));
            consumers += had.size();
            inTime += reachedInTime;
            stillLive += correction ? 0 : had.size() - reached;
        }
        return new CorrectionReachReport(filter.period().from(), filter.period().to(), (int) within.toHours(), consumers, inTime,
                consumers == 0 ? null : (double) inTime / consumers, stillLive, rows, truncated);
    }

    private static boolean reached(ConsumerReceipt receipt) {
        return receipt.status().equals("reached") && receipt.at() != null;
    }
}
