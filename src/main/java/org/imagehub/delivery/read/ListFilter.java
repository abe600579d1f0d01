package org.imagehub.delivery.read;

import java.time.Instant;

/** The list filters of GET /api/v1/stories; null means "any". */
public record ListFilter(String type, String topic, String country, String keyMessage, Instant updatedSince) {
    public String signature() {
        return type + "|" + topic + "|" + country + "|" + keyMessage + "|" + updatedSince;
    }
}
