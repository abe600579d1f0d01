package org.imagehub.delivery.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

class DeliveryMediaTypesTest {
    @Test
    void aTypeWithoutCharsetIsSentAsUtf8() {
        MediaType json = DeliveryResponses.mediaType("application/json");

        assertThat(json.getType()).isEqualTo("application");
        assertThat(json.getSubtype()).isEqualTo("json");
        assertThat(json.getParameters()).containsEntry(MediaType.CHARSET_PARAMETER, "UTF-8");
        assertThat(DeliveryResponses.mediaType("application/ld+json").getParameters()).containsEntry(MediaType.CHARSET_PARAMETER, "UTF-8");
    }

    @Test
    void aCharsetAlreadyStatedIsKept() {
        MediaType atom = DeliveryResponses.mediaType("application/atom+xml; charset=utf-8");

        assertThat(atom.getSubtype()).isEqualTo("atom+xml");
        assertThat(atom.getParameters()).containsEntry(MediaType.CHARSET_PARAMETER, "utf-8").hasSize(1);
    }

    @Test
    void eachTypeIsParsedOnceAndReused() {
        assertThat(DeliveryResponses.mediaType("application/feed+json")).isSameAs(DeliveryResponses.mediaType("application/feed+json"));
    }
}
