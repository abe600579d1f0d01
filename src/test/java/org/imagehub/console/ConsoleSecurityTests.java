package org.imagehub.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagehub.console.session.ConsoleSession;
import org.imagehub.testing.Api;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/**
 * The console's safety on the real stack, request by request: sign-in and its cookie, the Content-Security-Policy,
 * the CSRF check (a cross-site form post and a post without the session's token are refused and change nothing),
 * and a contributor's forged publish refused by the same policy the API enforces.
 */
@QuarkusTest
class ConsoleSecurityTests {

    @Test
    void anAnonymousVisitorIsSentToSignInAndOnlyBackToAConsolePage() {
        given().redirects().follow(false).get("/console/stories").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/console/sign-in?next=%2Fconsole%2Fstories"));
        Response signIn = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", "editor.mofa").formParam("password", "demo-editor").formParam("next", "https://evil.example/")
                .post("/console/sign-in");
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.header("Location")).endsWith("/console");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Response signIn = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", "editor.mofa").formParam("password", "demo-editor").post("/console/sign-in");
        String setCookie = signIn.header("Set-Cookie");
        assertThat(setCookie).startsWith(ConsoleSession.COOKIE + "=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
        Response wrong = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", "editor.mofa").formParam("password", "wrong").post("/console/sign-in");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.header("Set-Cookie")).isNull();
    }

    @Test
    void inProductionTheCookieIsSecureAndHostPrefixed() {
        assertThat(ConsoleSession.cookieName(true)).isEqualTo("__Host-ih_console");
        jakarta.ws.rs.core.NewCookie cookie = ConsoleSession.cookie("token", 60, true);
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo(jakarta.ws.rs.core.NewCookie.SameSite.LAX);
        assertThat(cookie.getPath()).isEqualTo("/");
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndNoInlineScript() {
        for (String path : new String[] {"/console", "/console/stories/new", "/console/sign-in"}) {
            Response page = console("editor.mofa").get(path);
            assertThat(page.statusCode()).as(path + " " + page.asString()).isEqualTo(200);
            String policy = page.header("Content-Security-Policy");
            assertThat(policy).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'").contains("default-src 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
            // Every script element loads a file, but the editor's import map, which the policy allows by its hash alone;
            // no element carries an event handler attribute.
            String html = page.asString();
            assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)(?![^>]*type=\"importmap\")[^>]*>").doesNotContainPattern("\\son[a-z]+\\s*=");
            Matcher importMap = Pattern.compile("<script type=\"importmap\">(.*?)</script>").matcher(html);
            while (importMap.find()) {
                assertThat(policy).contains("'sha256-" + java.util.Base64.getEncoder().encodeToString(sha256(importMap.group(1))) + "'");
            }
        }
    }

    @Test
    void aCrossSiteFormPostAndAPostWithoutTheTokenAreRefusedAndChangeNothing() {
        String id = Api.as("editor.mofa").body(Stories.article().inLanguages("fr").build()).post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        String path = "/console/stories/" + id + "/fr/workflow";
        long version = Api.as("editor.mofa").get("/api/v1/manage/stories/" + id + "/localizations/fr").then().extract().jsonPath().getLong("version");

        // From another site, even with the right token: refused by origin.
        console("editor.mofa").header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                .header(ConsoleSession.CSRF_HEADER, csrf("editor.mofa"))
                .contentType(ContentType.URLENC).formParam("action", "submit").formParam("version", version).post(path)
                .then().statusCode(403).contentType("application/problem+json");
        // Same origin without the token (a page that did not come from the console): refused.
        console("editor.mofa").contentType(ContentType.URLENC).formParam("action", "submit").formParam("version", version).post(path)
                .then().statusCode(403);
        assertThat(state(id, "fr")).isEqualTo("draft");

        // With the token from the session's own page: done.
        Response done = console("editor.mofa").header(ConsoleSession.CSRF_HEADER, csrf("editor.mofa")).header("HX-Request", "true")
                .contentType(ContentType.URLENC).formParam("action", "submit").formParam("version", version).post(path);
        assertThat(done.header("HX-Redirect")).as(done.asString()).isEqualTo("/console/stories/" + id + "/fr");
        assertThat(state(id, "fr")).isEqualTo("in_review");
    }

    @Test
    void aContributorSeesNoPublishButtonAndAForgedPublishIsRefused() {
        String id = Api.as("contributor.embassy-fr").body(Stories.article().with("organisation", "embassy-fr").inLanguages("fr").build())
                .post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        String page = console("contributor.embassy-fr").get("/console/stories/" + id + "/fr").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("id=\"action-publish\"").doesNotContain("id=\"action-approve\"");
        long version = Api.as("contributor.embassy-fr").get("/api/v1/manage/stories/" + id + "/localizations/fr").then().extract().jsonPath().getLong("version");

        String answer = console("contributor.embassy-fr").header(ConsoleSession.CSRF_HEADER, csrf("contributor.embassy-fr"))
                .contentType(ContentType.URLENC).formParam("action", "publish").formParam("version", version)
                .post("/console/stories/" + id + "/fr/workflow").then().statusCode(200).extract().asString();
        assertThat(answer).contains("id=\"problem\"").contains("may not publish");
        assertThat(state(id, "fr")).isEqualTo("draft");
    }

    @Test
    void aContributorMayNotChangeAStorysAttributesNorRestoreARevisionAsInTheApi() {
        String id = Api.as("contributor.embassy-fr").body(Stories.article().with("organisation", "embassy-fr").inLanguages("fr").build())
                .post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        String token = csrf("contributor.embassy-fr");
        console("contributor.embassy-fr").header(ConsoleSession.CSRF_HEADER, token).contentType(ContentType.URLENC)
                .formParam("priority", "breaking").formParam("version", 1).post("/console/stories/" + id).then().statusCode(403);
        console("contributor.embassy-fr").header(ConsoleSession.CSRF_HEADER, token).contentType(ContentType.URLENC)
                .formParam("number", 1).formParam("version", 1).post("/console/revisions/" + id + "/fr").then().statusCode(403);
        assertThat(Api.asAdmin().get("/api/v1/manage/stories/" + id).then().extract().<String>path("priority")).isEqualTo("normal");
    }

    @Test
    void savingAttributesInTheConsoleKeepsWhatTheFormDoesNotShow() {
        String externalId = "console-keep-" + System.nanoTime();
        String id = Api.as("editor.mofa").body(Stories.article().with("externalId", externalId).inLanguages("fr").build())
                .post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        long version = Api.as("editor.mofa").get("/api/v1/manage/stories/" + id).then().extract().jsonPath().getLong("version");
        Response saved = console("editor.mofa").header(ConsoleSession.CSRF_HEADER, csrf("editor.mofa")).header("HX-Request", "true")
                .contentType(ContentType.URLENC).formParam("priority", "normal").formParam("topics", "").formParam("countries", "FR")
                .formParam("field.dateline", "PARIS").formParam("version", version).post("/console/stories/" + id);
        assertThat(saved.header("HX-Redirect")).as(saved.asString()).isEqualTo("/console/stories/" + id);
        io.restassured.path.json.JsonPath story = Api.as("editor.mofa").get("/api/v1/manage/stories/" + id).then().extract().jsonPath();
        assertThat(story.getString("externalId")).isEqualTo(externalId);
        assertThat(story.getString("rights.credit")).isEqualTo("Image Hub test desk");
        assertThat(story.getList("countries")).containsExactly("FR");
    }

    @Test
    void emptyFilterFieldsAreNoFiltersAndAChangeWithoutASessionIsRefused() {
        String list = console("editor.mofa").get("/console/stories?q=&type=&state=&lang=&topic=&organisation=").then().statusCode(200).extract().asString();
        assertThat(list).doesNotContain("class=\"problem\"");
        console("admin").get("/console/reports/reach.csv?from=&to=&organisation=&lang=").then().statusCode(200);
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("action", "submit")
                .post("/console/stories/x/fr/workflow").then().statusCode(401);
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String state(String id, String lang) {
        return Api.asAdmin().get("/api/v1/manage/stories/" + id + "/localizations/" + lang).then().statusCode(200).extract().path("status");
    }

    /** Requests with the person's console session cookie (what the sign-in form sets). */
    static RequestSpecification console(String username) {
        return given().redirects().follow(false).cookie(ConsoleSession.COOKIE, Api.token(username));
    }

    /** The CSRF token as the console's pages carry it. */
    static String csrf(String username) {
        String page = console(username).get("/console").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
