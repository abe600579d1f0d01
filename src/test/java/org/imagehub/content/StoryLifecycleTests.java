package org.imagehub.content;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StoryLifecycleTests {
    static final String STORIES = "/api/v1/manage/stories";

    static String create(Map<String, Object> body) {
        return Api.as("editor.mofa").body(body).post(STORIES).then().statusCode(201).extract().path("id");
    }

    static String etag(String path) {
        return Api.as("editor.mofa").get(path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void createsAStoryInFiveLanguagesWithCanonicalTagsAndTransliteratedSlugs() {
        Stories story = Stories.article().inLanguages("vi", "en", "fr", "zh-hans", "uk");
        Response created = Api.as("editor.mofa").body(story.build()).post(STORIES);
        created.then().statusCode(201)
                .header("ETag", equalTo("\"v1\""))
                .header("Location", containsString("/api/v1/manage/stories/"))
                .body("organisation", equalTo("mofa"))
                .body("localizations.lang", hasItems("vi", "en", "fr", "zh-Hans", "uk"));
        JsonPath json = created.jsonPath();
        assertEquals("tao-chuyen-bien-can-ban-trong-cong-tac-thong-tin-doi-ngoai-" + story.unique(), slug(json, "vi"));
        assertEquals("a-fundamental-shift-in-foreign-information-work-" + story.unique(), slug(json, "en"));
        assertEquals("dui-wai-xin-xi-gong-zuo-shi-xian-gen-ben-zhuan-bian-" + story.unique(), slug(json, "zh-Hans"));
        assertEquals("dokorinni-zmini-v-roboti-zovnisnoi-informacii-" + story.unique(), slug(json, "uk"));
        assertEquals("vi", json.getString("localizations.find { it.lang == 'fr' }.translation.from"));
        assertEquals(false, json.getBoolean("localizations.find { it.lang == 'fr' }.translation.outdated"));

        String id = json.getString("id");
        Api.as("editor.mofa").get(STORIES + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"v1\""))
                .body("localizations.size()", equalTo(5));
    }

    private static String slug(JsonPath json, String lang) {
        return json.getString("localizations.find { it.lang == '" + lang + "' }.slug");
    }

    @Test
    void rightToLeftLanguagesAreMarkedAndEditorSlugsMayKeepTheirScript() {
        Stories story = Stories.article().inLanguages("vi");
        Map<String, Object> arabic = story.localization("ar");
        Map<String, Object> chinese = story.localization("zh-Hans");
        chinese.put("slug", "对外信息-" + story.unique());
        String id = create(story.withLocalization(arabic).withLocalization(chinese).build());
        Api.as("editor.mofa").get(STORIES + "/" + id).then().statusCode(200)
                .body("localizations.find { it.lang == 'ar' }.rtl", equalTo(true))
                .body("localizations.find { it.lang == 'vi' }.rtl", equalTo(false))
                .body("localizations.find { it.lang == 'zh-Hans' }.slug", equalTo("对外信息-" + story.unique()));
    }

    @Test
    void aTakenSlugIsAConflictForTheEditorAndSuffixedWhenDerived() {
        Stories first = Stories.article().inLanguages("vi");
        create(first.build());
        Map<String, Object> clash = Stories.article().build();
        Map<String, Object> localization = first.localization("vi");
        clash.put("localizations", List.of(localization));
        // Same title → the derived slug gets a suffix instead of failing.
        String second = create(clash);
        Api.as("editor.mofa").get(STORIES + "/" + second).then()
                .body("localizations[0].slug", startsWith("tao-chuyen-bien-can-ban-trong-cong-tac-thong-tin-doi-ngoai-" + first.unique() + "-"));
        String takenSlug = Api.as("editor.mofa").get(STORIES + "/" + second).then().extract().path("localizations[0].slug");
        localization.put("slug", takenSlug);
        Api.as("editor.mofa").body(Map.of("type", "article", "localizations", List.of(localization))).post(STORIES).then()
                .statusCode(409)
                .body("errors[0].field", equalTo("localizations[0].slug"));
    }

    @Test
    void bodiesAreSanitisedAndKeepAPlainTextRendition() {
        Stories story = Stories.article();
        Map<String, Object> vi = story.localization("vi");
        vi.put("body", "<p>Xin chào <img src=x onerror=alert(1)></p><script>alert('x')</script>"
                + "<p><a href=\"javascript:alert(1)\">bad</a> <a href=\"https://mofa.gov.vn\" onclick=\"steal()\">Bộ Ngoại giao</a></p>"
                + "<iframe src=\"https://evil.example/x\"></iframe><iframe src=\"https://www.youtube-nocookie.com/embed/abc\"></iframe>"
                + "<img src=\"data:image/png;base64,AAAA\" alt=\"d\">");
        String id = create(story.withLocalization(vi).build());
        Api.as("editor.mofa").get(STORIES + "/" + id + "/localizations/vi").then().statusCode(200)
                .body("body", not(containsString("onerror")))
                .body("body", not(containsString("<script")))
                .body("body", not(containsString("javascript:")))
                .body("body", not(containsString("onclick")))
                .body("body", not(containsString("evil.example")))
                .body("body", not(containsString("data:image")))
                .body("body", containsString("<p>Xin chào </p>"))
                .body("body", containsString("https://www.youtube-nocookie.com/embed/abc"))
                .body("body", containsString("href=\"https://mofa.gov.vn\""))
                .body("bodyText", containsString("Xin chào"))
                .body("bodyText", containsString("Bộ Ngoại giao"))
                .body("bodyText", not(containsString("<")));
    }

    @Test
    void everySaveIsARevisionAndRestoringTwoOfFiveMakesSixEqualToTwo() {
        Stories story = Stories.article().inLanguages("vi");
        String id = create(story.build());
        String path = STORIES + "/" + id + "/localizations/vi";
        for (int revision = 2; revision <= 5; revision++) {
            Map<String, Object> edit = story.localization("vi");
            edit.put("title", "Bản sửa " + revision + " " + story.unique());
            edit.put("summary", "Tóm tắt " + revision);
            Api.as("editor.mofa").header("If-Match", etag(path)).body(edit).put(path).then().statusCode(200)
                    .body("revision", equalTo(revision));
        }
        // An identical save changes nothing.
        Map<String, Object> same = story.localization("vi");
        same.put("title", "Bản sửa 5 " + story.unique());
        same.put("summary", "Tóm tắt 5");
        Api.as("editor.mofa").header("If-Match", etag(path)).body(same).put(path).then().statusCode(200).body("revision", equalTo(5));

        Api.as("editor.mofa").header("If-Match", etag(path)).post(path + "/revisions/2/restore").then().statusCode(200)
                .body("revision", equalTo(6))
                .body("title", equalTo("Bản sửa 2 " + story.unique()));
        JsonPath two = Api.as("editor.mofa").get(path + "/revisions/2").then().statusCode(200).extract().jsonPath();
        JsonPath six = Api.as("editor.mofa").get(path + "/revisions/6").then().statusCode(200)
                .body("restoredFrom", equalTo(2)).extract().jsonPath();
        for (String field : List.of("title", "summary", "body", "slug", "fields")) {
            assertEquals(two.getString(field), six.getString(field), field);
        }
        Api.as("editor.mofa").get(path + "/revisions").then().statusCode(200)
                .body("items.number", equalTo(List.of(6, 5, 4, 3, 2, 1)));
        Api.as("editor.mofa").get(path + "/diff?from=2&to=4").then().statusCode(200)
                .body("changes.field", equalTo(List.of("title", "summary")))
                .body("changes[0].from", equalTo("Bản sửa 2 " + story.unique()))
                .body("changes[0].to", equalTo("Bản sửa 4 " + story.unique()));
        Api.as("editor.mofa").get(path + "/diff?from=2&to=x").then().statusCode(400).body("errors[0].field", equalTo("query.to"));
        Api.as("editor.mofa").get(path + "/revisions/99").then().statusCode(404);
    }

    @Test
    void updatesNeedTheCurrentEtag() {
        Stories story = Stories.article().inLanguages("vi");
        String id = create(story.build());
        String path = STORIES + "/" + id + "/localizations/vi";
        Map<String, Object> edit = story.localization("vi");
        edit.put("summary", "Sửa lần một");
        Api.as("editor.mofa").body(edit).put(path).then().statusCode(428)
                .body("type", equalTo("urn:image-hub:problem:version-required"));
        Api.as("editor.mofa").header("If-Match", "\"v1\"").body(edit).put(path).then().statusCode(200).header("ETag", equalTo("\"v2\""));
        edit.put("summary", "Sửa lần hai, từ bản cũ");
        Api.as("editor.mofa").header("If-Match", "\"v1\"").body(edit).put(path).then().statusCode(412)
                .body("type", equalTo("urn:image-hub:problem:stale-version"));
        Api.as("editor.mofa").get(path).then().body("summary", equalTo("Sửa lần một"));

        Map<String, Object> attributes = Stories.article().build();
        attributes.remove("localizations");
        attributes.put("priority", "breaking");
        Api.as("editor.mofa").body(attributes).put(STORIES + "/" + id).then().statusCode(428);
        String storyTag = etag(STORIES + "/" + id);
        Api.as("editor.mofa").header("If-Match", storyTag).body(attributes).put(STORIES + "/" + id).then().statusCode(200)
                .body("priority", equalTo("breaking"));
        Api.as("editor.mofa").header("If-Match", storyTag).body(attributes).put(STORIES + "/" + id).then().statusCode(412);
    }

    @Test
    void idempotencyKeyReplaysTheFirstCreate() {
        Map<String, Object> body = Stories.article().inLanguages("vi").build();
        String key = "create-" + java.util.UUID.randomUUID();
        Response first = Api.as("editor.mofa").header("Idempotency-Key", key).body(body).post(STORIES);
        first.then().statusCode(201);
        Response retry = Api.as("editor.mofa").header("Idempotency-Key", key).body(body).post(STORIES);
        retry.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")));
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        Api.as("editor.mofa").header("Idempotency-Key", key).body(Stories.article().inLanguages("fr").build()).post(STORIES).then()
                .statusCode(409).body("errors[0].field", equalTo("header.Idempotency-Key"));
    }

    @Test
    void listsPageByOpaqueCursor() {
        for (int i = 0; i < 3; i++) {
            create(Stories.article().inLanguages("en").build());
        }
        JsonPath page = Api.as("editor.mofa").get(STORIES + "?limit=2").then().statusCode(200).extract().jsonPath();
        assertEquals(2, page.getList("items").size());
        String next = page.getString("next");
        JsonPath second = Api.as("editor.mofa").queryParam("cursor", next).get(STORIES + "?limit=2").then().statusCode(200).extract().jsonPath();
        assertEquals(false, second.getList("items.id").contains(page.getList("items.id").get(0)));
        Api.as("editor.mofa").queryParam("cursor", next.substring(0, next.length() - 2) + "xx").get(STORIES).then().statusCode(400)
                .body("errors[0].field", equalTo("query.cursor"));
        Api.as("editor.mofa").get(STORIES + "?limit=0").then().statusCode(400);
        Api.as("editor.mofa").get(STORIES + "?limit=10000").then().statusCode(400);
        Api.as("editor.mofa").get(STORIES + "?limit=abc").then().statusCode(400);
    }
}
