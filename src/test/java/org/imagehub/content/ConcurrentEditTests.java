package org.imagehub.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.imagehub.testing.Api;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentEditTests {

    @Test
    void twoUpdatesWithTheSameIfMatchOneWinsOneGets412AndNoRevisionIsLost() throws Exception {
        Stories story = Stories.article().inLanguages("vi");
        String id = StoryLifecycleTests.create(story.build());
        String path = StoryLifecycleTests.STORIES + "/" + id + "/localizations/vi";
        String etag = StoryLifecycleTests.etag(path);
        String token = Api.token("editor.mofa");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (String summary : List.of("Bản của người thứ nhất", "Bản của người thứ hai")) {
            Map<String, Object> edit = story.localization("vi");
            edit.put("summary", summary);
            statuses.add(pool.submit(() -> {
                start.await();
                return io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                        .header("If-Match", etag).body(edit).put(path).statusCode();
            }));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get());
        }
        pool.shutdown();
        results.sort(Integer::compareTo);
        assertEquals(List.of(200, 412), results);
        List<Integer> revisions = Api.as("editor.mofa").get(path + "/revisions").then().extract().jsonPath().getList("items.number");
        assertEquals(List.of(2, 1), revisions);
        String winner = Api.as("editor.mofa").get(path + "/revisions/2").then().extract().path("summary");
        String current = Api.as("editor.mofa").get(path).then().extract().path("summary");
        assertEquals(winner, current);
    }
}
