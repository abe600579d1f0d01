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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.content.keymessage.KeyMessageService;
import org.imagehub.delivery.read.ConsumerScope;
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
    private final DeliveryResponses responses;

    public KeyMessageDeliveryResource(KeyMessageService keyMessages, CurrentConsumer consumer, Json json, DeliveryResponses responses) {
        this.keyMessages = keyMessages;
        this.consumer = consumer;
        this.json = json;
        this.responses = responses;
    }

    /** An approved talking point in the languages the key may read. */
    @Schema(name = "PublishedKeyMessage", requiredProperties = {"code", "translations"})
    public record KeyMessage(@Schema(example = "km-reliable-partner") String code,
            @Schema(description = "The text by BCP 47 language tag", example = "{\"fr\": \"Une économie ouverte\"}") Map<String, String> translations) {
    }

    /** The answer: every key message in force that the key may read in at least one language. */
    @Schema(name = "PublishedKeyMessages", requiredProperties = "items")
    public record KeyMessages(List<KeyMessage> items) {
    }

    @GET
    @Operation(summary = "The approved key messages in force now, in the languages this key may read",
            description = "Each message with its text in every language the key may read; messages with none of those languages are left out.")
    @APIResponse(responseCode = "200", description = "The key messages in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyMessages.class)))
    public Response list(@Parameter(description = "The ETag of a copy the client has: 304 when it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
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
        CachedAnswer answer = CachedAnswer.of(json.write(new KeyMessages(messages)), MediaType.APPLICATION_JSON, Map.of());
        return responses.send(answer, ifNoneMatch, acceptEncoding);
    }
}
