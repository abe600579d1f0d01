package org.imagehub.distribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Announces a change to the rest of the system (search indexing, webhooks, cache purge, social queue) by writing
 * an event row in the caller's transaction: the event exists if and only if the change was committed.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    public Outbox(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String eventType, String aggregateType, String aggregateId, Object payload) {
        String json;
        try {
            json = objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbox payload is not serialisable", e);
        }
        entityManager.createNativeQuery("insert into outbox_event (event_type, aggregate_type, aggregate_id, payload) "
                        + "values (?1, ?2, ?3, cast(?4 as jsonb))")
                .setParameter(1, eventType)
                .setParameter(2, aggregateType)
                .setParameter(3, aggregateId)
                .setParameter(4, json)
                .executeUpdate();
    }
}
