package org.imagehub.delivery.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.content.keymessage.KeyMessageService;
import org.imagehub.delivery.read.ConsumerScope;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.Json;
import org.imagehub.security.consumer.ConsumerApi;
import org.imagehub.security.consumer.CurrentConsumer;

@Path("/api/v1/key-messages")
@Tag(name = "Delivery")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@ConsumerApi
public class KeyMessageDeliveryResource {
    private final KeyMessageService keyMessages;
    private final CurrentConsumer consumer;
    private final Json json;
    private final HubConfig config;

    public KeyMessageDeliveryResource(KeyMessageService keyMessages, CurrentConsumer consumer, Json json, HubConfig config) {
        this.keyMessages = keyMessages;
        this.consumer = consumer;
        this.json = json;
        this.config = config;
    }

    /** An approved talking point in the languages the key may read. */
    public record KeyMessage(String code, Map<String, String> translations) {
    }

    @GET
    @Operation(summary = "The approved key messages in force now, in the languages this key may read")
    public Response list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ConsumerScope scope = ConsumerScope.of(consumer.get());
        List<KeyMessage> messages = keyMessages.list(true).stream().map(message -> {
            Map<String, String> translations = new LinkedHashMap<>();
            message.translations().forEach((lang, text) -> {
                if (scope.allowsLanguage(lang)) {
                    translations.put(lang, text);
                }
            });
            return new KeyMessage(message.code(), translations);
        }).filter(message -> !message.translations().isEmpty()).toList();
        CachedAnswer answer = CachedAnswer.of(json.write(Map.of("items", messages)), MediaType.APPLICATION_JSON, Map.of());
        return DeliveryResponses.send(answer, ifNoneMatch, config);
    }
}
