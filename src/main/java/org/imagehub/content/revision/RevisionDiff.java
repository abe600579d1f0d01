package org.imagehub.content.revision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares two snapshots field by field. */
final class RevisionDiff {
    private RevisionDiff() {
    }

    static List<FieldChange> between(RevisionContent from, RevisionContent to) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("slug", new Object[] {from.slug(), to.slug()});
        fields.put("title", new Object[] {from.title(), to.title()});
        fields.put("summary", new Object[] {from.summary(), to.summary()});
        fields.put("body", new Object[] {from.bodyHtml(), to.bodyHtml()});
        fields.put("fields", new Object[] {from.fieldsJson(), to.fieldsJson()});
        fields.put("seoTitle", new Object[] {from.seoTitle(), to.seoTitle()});
        fields.put("seoDescription", new Object[] {from.seoDescription(), to.seoDescription()});
        fields.put("translatedFrom.lang", new Object[] {from.translatedFromLang(), to.translatedFromLang()});
        fields.put("translatedFrom.revision", new Object[] {from.translatedFromRevision(), to.translatedFromRevision()});
        List<FieldChange> changes = new ArrayList<>();
        fields.forEach((field, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                changes.add(new FieldChange(field, values[0], values[1]));
            }
        });
        return changes;
    }
}
