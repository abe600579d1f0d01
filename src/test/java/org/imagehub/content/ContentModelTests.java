package org.imagehub.content;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContentModelTests {

    @Test
    void theDeclaredTypesAreServed() {
        RestAssured.get("/api/v1/content-model").then().statusCode(200)
                .body("types.type", hasItems("article", "infographic", "video", "photo-gallery", "statement", "fact-check"))
                .body("types.find { it.type == 'fact-check' }.storyFields.required",
                        equalTo(List.of("claimant", "circulatedOn", "verdict", "evidence")))
                .body("types.find { it.type == 'fact-check' }.localizationFields.required", equalTo(List.of("claimQuoted", "officialFacts")))
                .body("types.find { it.type == 'fact-check' }.label.vi", equalTo("Kiểm chứng thông tin"));
    }

    /** test-recipe exists only as a JSON file in src/test/content-model: no Java knows it. */
    @Test
    void aTypeDeclaredOnlyAsDataIsServedAndEnforced() {
        RestAssured.get("/api/v1/content-model").then().body("types.type", hasItem("test-recipe"));
        Stories recipe = Stories.of("test-recipe", Map.of("servings", 4, "region", "centre"));
        Map<String, Object> vi = recipe.localization("vi");
        vi.put("fields", Map.of("ingredients", List.of("bún", "bò", "sả")));
        Api.as("editor.mofa").body(recipe.withLocalization(vi).build()).post(StoryLifecycleTests.STORIES).then().statusCode(201)
                .body("fields.servings", equalTo(4))
                .body("localizations[0].fields.ingredients", equalTo(List.of("bún", "bò", "sả")));
        Api.as("editor.mofa").body(Stories.of("test-recipe", Map.of("region", "west")).inLanguages("vi").build())
                .post(StoryLifecycleTests.STORIES).then().statusCode(400)
                .body("errors.field", hasItems("fields.servings", "fields.region"));
    }

    @Test
    void aFactCheckCarriesItsStructure() {
        Map<String, Object> fields = Map.of(
                "claimant", "Anonymous accounts",
                "circulatedOn", List.of(Map.of("platform", "Facebook", "url", "https://www.facebook.com/example", "firstSeen", "2026-09-02")),
                "verdict", "false",
                "evidence", List.of(Map.of("title", "Official e-visa portal", "url", "https://evisa.gov.vn")));
        Stories story = Stories.of("fact-check", fields);
        Map<String, Object> vi = story.localization("vi");
        vi.put("fields", Map.of("claimQuoted", "“Việt Nam cấm thị thực”", "officialFacts", "Chính sách thị thực không thay đổi."));
        Api.as("editor.mofa").body(story.withLocalization(vi).build()).post(StoryLifecycleTests.STORIES).then().statusCode(201)
                .body("fields.verdict", equalTo("false"))
                .body("localizations[0].fields.officialFacts", equalTo("Chính sách thị thực không thay đổi."));
    }
}
