package org.imagehub.testing;

import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registers consumers through the admin API and hands out their keys: {@code Consumers.reading("fr").key()}. */
public final class Consumers {
    private final Map<String, Object> consumer = new HashMap<>();

    private Consumers() {
        consumer.put("name", "Test consumer " + UUID.randomUUID());
        consumer.put("kind", "embassy-site");
        consumer.put("scopes", List.of("content:read"));
        consumer.put("requestsPerMinute", 100_000);
    }

    /** A consumer that may read the given languages (none: all). */
    public static Consumers reading(String... languages) {
        Consumers consumers = new Consumers();
        consumers.consumer.put("languages", List.of(languages));
        return consumers;
    }

    public Consumers with(String field, Object value) {
        consumer.put(field, value);
        return this;
    }

    /** Registers the consumer and returns a fresh key for it. */
    public String key() {
        String id = Api.asAdmin().body(consumer).post("/api/v1/manage/consumers").then().statusCode(201).extract().path("id");
        return Api.asAdmin().body(Map.of()).post("/api/v1/manage/consumers/" + id + "/keys").then().statusCode(201).extract().path("key");
    }

    /** A request made with the key, from a client address of its own. */
    public static RequestSpecification withKey(String key) {
        return Clients.from("127.1." + Math.floorMod(key.hashCode(), 250) + "." + (1 + Math.floorMod(key.hashCode() >> 8, 250)))
                .header("X-Api-Key", key);
    }
}
