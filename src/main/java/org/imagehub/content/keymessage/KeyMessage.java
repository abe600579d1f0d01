package org.imagehub.content.keymessage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** An approved talking point that stories and social posts carry ("unified messaging"). */
@Entity
@Table(name = "key_message")
public class KeyMessage extends PanacheEntityBase {
    @Id
    public String code;

    public String ownerOrganisation;

    public Instant validFrom;

    public Instant validUntil;

    public long version;

    public Instant createdAt;

    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "key_message_translation", joinColumns = @JoinColumn(name = "key_message_code"))
    @MapKeyColumn(name = "lang")
    @Column(name = "text")
    public Map<String, String> translations = new HashMap<>();

    public boolean activeAt(Instant now) {
        return (validFrom == null || !now.isBefore(validFrom)) && (validUntil == null || now.isBefore(validUntil));
    }
}
