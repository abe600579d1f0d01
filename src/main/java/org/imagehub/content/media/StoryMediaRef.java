package org.imagehub.content.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One asset a story uses, in a role; {@code lang} set when it serves only that language (an infographic's image). */
@Entity
@Table(name = "story_media")
@IdClass(StoryMediaRef.Key.class)
public class StoryMediaRef extends PanacheEntityBase {
    @Id
    public String storyId;

    @Id
    public int position;

    public String assetId;

    public String role;

    public String lang;

    public record Key(String storyId, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
