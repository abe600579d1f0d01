package org.imagehub.testing;

import java.util.List;
import java.util.Map;

/** Takes every draft localization of a test story through review to publication, through the workflow API. */
public final class Publishing {
    private Publishing() {
    }

    /** Creates the story as editor.mofa and publishes every language of it; returns its id. */
    public static String published(Stories story) {
        String id = Api.as("editor.mofa").body(story.build()).post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        publishAll(id);
        return id;
    }

    public static void publishAll(String storyId) {
        List<String> languages = Api.asAdmin().get("/api/v1/manage/stories/" + storyId).then().statusCode(200)
                .extract().path("localizations.findAll { it.status == 'draft' }.lang");
        for (String lang : languages) {
            for (String action : List.of("submit", "approve", "publish")) {
                act(storyId, lang, "admin", action);
            }
        }
    }

    /** One workflow action as a demo user; returns the new ETag. */
    public static String act(String storyId, String lang, String username, String action) {
        String etag = Api.as(username).get(localization(storyId, lang)).then().statusCode(200).extract().header("ETag");
        return Api.as(username).header("If-Match", etag).body(Map.of("action", action)).post(localization(storyId, lang) + "/workflow")
                .then().statusCode(200).extract().header("ETag");
    }

    public static String localization(String storyId, String lang) {
        return "/api/v1/manage/stories/" + storyId + "/localizations/" + lang;
    }
}
