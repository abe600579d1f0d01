package org.imagehub.security.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A ministry, province, embassy, news agency or partner outlet: owns content, scopes editors' permissions. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {
    @Id
    public String code;

    public String name;
    public String kind;
    public boolean central;
    public long version;

    public Instant createdAt;

    public Instant updatedAt;
}
