package org.imagehub.content.translation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.content.workflow.EditorialPolicy;
import org.imagehub.security.Actor;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.NativeSql;

/**
 * Translation gaps across all stories, in one query: for each localization, its source's current revision
 * beside the revision it was translated from.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TranslationReportService {
    private final EntityManager entityManager;
    private final List<String> targetLanguages;

    public TranslationReportService(EntityManager entityManager, HubConfig config) {
        this.entityManager = entityManager;
        this.targetLanguages = config.content().targetLanguages();
    }

    /** The report over the stories the editor acts for (every organisation's for admins and central approvers). */
    public TranslationReport report(List<String> requestedLanguages, int limit, Actor editor) {
        List<String> languages = requestedLanguages == null || requestedLanguages.isEmpty()
                ? targetLanguages
                : requestedLanguages.stream().map(lang -> LanguageTags.canonical(lang, "query.lang")).distinct().toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NativeSql.bind(entityManager.createNativeQuery("""
                select s.id, s.type, l.lang, l.title, l.translated_from_lang, l.translated_from_revision, src.current_revision
                from story s
                join localization l on l.story_id = s.id
                left join localization src on src.story_id = s.id and src.lang = l.translated_from_lang
                where ?1 or s.organisation = ?2
                order by s.updated_at desc, s.id, l.translated_from_lang nulls first, l.lang"""),
                        EditorialPolicy.actsForAll(editor), editor.organisation()).getResultList();

        Map<String, int[]> counts = new LinkedHashMap<>();
        languages.forEach(lang -> counts.put(lang, new int[3]));
        List<TranslationReport.StoryGaps> stories = new ArrayList<>();
        int start = 0;
        while (start < rows.size()) {
            int end = start;
            String storyId = (String) rows.get(start)[0];
            while (end < rows.size() && storyId.equals(rows.get(end)[0])) {
                end++;
            }
            TranslationReport.StoryGaps gaps = gaps(rows.subList(start, end), languages, counts);
            if (gaps != null && stories.size() < limit) {
                stories.add(gaps);
            }
            start = end;
        }
        Map<String, TranslationReport.LanguageSummary> summary = new LinkedHashMap<>();
        counts.forEach((lang, c) -> summary.put(lang, new TranslationReport.LanguageSummary(c[0], c[1], c[2])));
        return new TranslationReport(languages, summary, stories);
    }

    /** The story's gaps (null when it has none), counting present/missing/outdated per language on the way. */
    private static TranslationReport.StoryGaps gaps(List<Object[]> localizations, List<String> languages, Map<String, int[]> counts) {
        Object[] first = localizations.get(0);
        List<String> present = new ArrayList<>();
        List<TranslationReport.Outdated> outdated = new ArrayList<>();
        for (Object[] row : localizations) {
            String lang = (String) row[2];
            present.add(lang);
            Integer translatedRevision = (Integer) row[5];
            Integer sourceRevision = (Integer) row[6];
            boolean isOutdated = row[4] != null && sourceRevision != null && translatedRevision != null && sourceRevision > translatedRevision;
            if (isOutdated && languages.contains(lang)) {
                outdated.add(new TranslationReport.Outdated(lang, (String) row[4], translatedRevision, sourceRevision));
                counts.get(lang)[2]++;
            }
            if (counts.containsKey(lang)) {
                counts.get(lang)[0]++;
            }
        }
        List<String> missing = languages.stream().filter(lang -> !present.contains(lang)).toList();
        missing.forEach(lang -> counts.get(lang)[1]++);
        if (missing.isEmpty() && outdated.isEmpty()) {
            return null;
        }
        return new TranslationReport.StoryGaps((String) first[0], (String) first[1], (String) first[3], missing, outdated);
    }
}
