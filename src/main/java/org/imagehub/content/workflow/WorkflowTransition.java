package org.imagehub.content.workflow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One step of a localization through the workflow: who, when, from which state to which, and why. */
@Entity
@Immutable
@Table(name = "workflow_transition")
public class WorkflowTransition extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String storyId;

    public String lang;
    public String action;

    public String fromStatus;

    public String toStatus;

    public int revision;
    public String actor;
    public String organisation;
    public String comment;

    public boolean fastTracked;

    public Instant scheduledFor;

    public Instant at;
}
