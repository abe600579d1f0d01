package org.imagehub.content.revision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** An immutable snapshot of a localization's content at one save. */
@Entity
@Immutable
@Table(name = "localization_revision")
@IdClass(LocalizationRevision.Key.class)
public class LocalizationRevision extends PanacheEntityBase {
    @Id
    public String localizationId;

    @Id
    public int number;

    /** Slug, title, summary, body, fields, SEO and translation source: the part every revision snapshots. */
    @Embedded
    public RevisionContent content;

    public Integer restoredFrom;

    public Instant createdAt;

    public String createdBy;

    public static class Key implements Serializable {
        public String localizationId;
        public int number;

        public Key() {
        }

        public Key(String localizationId, int number) {
            this.localizationId = localizationId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.number == number && Objects.equals(key.localizationId, localizationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(localizationId, number);
        }
    }
}
