package org.imagehub.delivery.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagehub.delivery.api.DeliveryService;
import org.imagehub.delivery.api.RemovalNotices;
import org.imagehub.delivery.read.DeliveryReader;
import org.imagehub.distribution.DispatchedEvent;
import org.imagehub.distribution.OutboxHandler;
import org.imagehub.platform.Json;
import org.imagehub.security.consumer.ConsumerAccess;

/**
 * Turns committed changes into webhook deliveries: for each event, the subscriptions that asked for its kind and
 * whose consumer may have the story now (or had it, for a removal) get one delivery row with the payload fixed, in
 * one transaction per batch. Delivery ids come from event, language and subscription, so a batch handled twice
 * (after a crash) adds nothing. Sending is {@link WebhookSender}'s: a slow receiver never holds up this handler.
 */
@ApplicationScoped
public class WebhookFanout implements OutboxHandler {
    public static final String NAME = "webhook-fanout";

    private final DeliveryService delivery;
    private final DeliveryReader published;
    private final RemovalNotices removals;
    private final WebhookDeliveries deliveries;
    private final Json json;

    public WebhookFanout(DeliveryService delivery, DeliveryReader published, RemovalNotices removals, WebhookDeliveries deliveries, Json json) {
        this.delivery = delivery;
        this.published = published;
        this.removals = removals;
        this.deliveries = deliveries;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(String eventType) {
        return switch (eventType) {
            case "localization.published", "localization.withdrawn", "localization.archived", "story.updated", "story.embargo-lifted",
                    "key-message.changed" -> true;
            default -> false;
        };
    }

    @Override
    public void handle(List<DispatchedEvent> batch) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Subscriber> subscribers = deliveries.subscribers();
            if (subscribers.isEmpty()) {
                return;
            }
            for (DispatchedEvent event : batch) {
                fanOut(event, subscribers);
            }
        });
    }

    private void fanOut(DispatchedEvent event, List<Subscriber> subscribers) {
        JsonNode payload = json.read(event.payloadJson());
        switch (event.type()) {
            case "localization.published" -> publication(event, event.aggregateId(), payload.path("lang").asText(), subscribers);
            case "story.embargo-lifted" -> published.publishedLanguages(event.aggregateId())
                    .forEach(lang -> publication(event, event.aggregateId(), lang, subscribers));
            case "story.updated" -> published.publishedLanguages(event.aggregateId()).forEach(lang -> {
                if (visibleToAnyone(event.aggregateId(), lang)) {
                    announce(event, WebhookEventTypes.STORY_UPDATED, event.aggregateId(), lang, subscribers);
                }
            });
            case "localization.withdrawn", "localization.archived" -> removal(event, event.aggregateId(), payload.path("lang").asText(), subscribers);
            case "key-message.changed" -> keyMessage(event, event.aggregateId(), subscribers);
            default -> {
            }
        }
    }

    /** A language went live (or its embargo passed): news of the kind the announcements say, once it is visible. */
    private void publication(DispatchedEvent event, String storyId, String lang, List<Subscriber> subscribers) {
        if (!visibleToAnyone(storyId, lang)) {
            return; // Embargoed: receivers hear of it when the embargo lifts.
        }
        announce(event, deliveries.announce(storyId, lang), storyId, lang, subscribers);
    }

    private void announce(DispatchedEvent event, String type, String storyId, String lang, List<Subscriber> subscribers) {
        Map<String, Optional<byte[]>> documents = new HashMap<>();
        List<WebhookDeliveries.NewDelivery> batch = new ArrayList<>();
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.wants(type, lang)) {
                continue;
            }
            Optional<byte[]> document = documents.computeIfAbsent(subscriber.scopeKey(),
                    key -> delivery.detailForPush(storyId, lang, subscriber.access()));
            if (document.isEmpty()) {
                continue;
            }
            JsonNode story = json.read(new String(document.get(), java.nio.charset.StandardCharsets.UTF_8));
            if (!subscriber.wantsType(story.path("type").asText())) {
                continue;
            }
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("storyId", storyId);
            data.put("lang", lang);
            data.put("version", story.path("version").asLong());
            data.put("story", story);
            batch.add(new WebhookDeliveries.NewDelivery(subscriber, event.id(), type, storyId, lang, story.path("version").asLong(), data));
        }
        deliveries.add(batch);
    }

    /** A language left the published view: every subscriber whose consumer could have had it gets the canceled item. */
    private void removal(DispatchedEvent event, String storyId, String lang, List<Subscriber> subscribers) {
        deliveries.forget(storyId, lang);
        List<WebhookDeliveries.NewDelivery> batch = new ArrayList<>();
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.wantsLanguage(lang)) {
                continue;
            }
            removals.forConsumer(storyId, lang, subscriber.access()).ifPresent(notice -> {
                String type = "expired".equals(notice.reason()) ? WebhookEventTypes.STORY_EXPIRED : WebhookEventTypes.STORY_WITHDRAWN;
                if (!subscriber.wantsEvent(type)) {
                    return;
                }
                Map<String, Object> data = new java.util.LinkedHashMap<>();
                data.put("storyId", storyId);
                data.put("lang", lang);
                data.put("reason", notice.reason());
                data.put("publicReason", notice.publicReason());
                data.put("item", json.read(new String(notice.ninjs(), java.nio.charset.StandardCharsets.UTF_8)));
                batch.add(new WebhookDeliveries.NewDelivery(subscriber, event.id(), type, storyId, lang, notice.version(), data));
            });
        }
        deliveries.add(batch);
    }

    private void keyMessage(DispatchedEvent event, String code, List<Subscriber> subscribers) {
        deliveries.add(subscribers.stream().filter(subscriber -> subscriber.wantsEvent(WebhookEventTypes.KEY_MESSAGE_CHANGED))
                .map(subscriber -> new WebhookDeliveries.NewDelivery(subscriber, event.id(), WebhookEventTypes.KEY_MESSAGE_CHANGED, null, null, null,
                        Map.of("code", code)))
                .toList());
    }

    private boolean visibleToAnyone(String storyId, String lang) {
        return delivery.detailForPush(storyId, lang, Subscriber.EVERYONE).isPresent();
    }

    /** An enabled subscription of an active consumer, with the consumer's scope narrowed by the subscription's filters. */
    record Subscriber(String subscriptionId, List<String> eventTypes, List<String> types, ConsumerAccess access) {
        static final ConsumerAccess EVERYONE = new ConsumerAccess("webhooks", null, "webhooks", java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of(), 0);

        boolean wants(String eventType, String lang) {
            return wantsEvent(eventType) && wantsLanguage(lang);
        }

        boolean wantsEvent(String eventType) {
            return eventTypes.contains(eventType);
        }

        boolean wantsLanguage(String lang) {
            return access.allowsLanguage(lang);
        }

        boolean wantsType(String type) {
            return types.isEmpty() || types.contains(type);
        }

        /** Subscribers with the same scope get the same document. */
        String scopeKey() {
            return new java.util.TreeSet<>(access.languages()) + "|" + new java.util.TreeSet<>(access.topics()) + "|"
                    + new java.util.TreeSet<>(access.countries());
        }
    }
}
