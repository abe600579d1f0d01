package org.imagehub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imagehub.testing.Api;
import org.imagehub.testing.BrowserSession;
import org.imagehub.testing.Consumers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real Chromium against the hub on the real stack: an editor writes and translates a story side by
 * side and submits it, an approver publishes it with the keyboard alone, a consumer then gets it through the API; a
 * contributor has no publish button; two tabs editing one text get the conflict shown with nothing lost; a field
 * declared only in a content-model file appears in the form; axe-core finds no serious or critical violation.
 */
@QuarkusTest
class ConsoleBrowserTests {
    private static WebDriver browser;

    @TestHTTPResource("/")
    URL hub;

    @BeforeAll
    static void openBrowser() {
        browser = BrowserSession.open(1280, 900);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anEditorWritesAndTranslatesAnApproverPublishesWithTheKeyboardAndConsumersGetIt() {
        signIn("editor.mofa", "demo-editor");
        open("/console/stories/new?type=article");
        String title = "Hội nghị thông tin đối ngoại toàn quốc " + System.nanoTime();
        browser.findElement(By.id("lang")).clear();
        browser.findElement(By.id("lang")).sendKeys("vi");
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("summary")).sendKeys("Đẩy mạnh quảng bá hình ảnh quốc gia.");
        // The body in the rich-text editor: a paragraph, then bold words from the toolbar, then markup typed as text.
        WebElement editor = browser.findElement(By.id("body-editor"));
        editor.click();
        editor.sendKeys("Hà Nội, ngày 1 tháng 12. ");
        browser.findElement(By.cssSelector(".toolbar button[aria-label='Bold']")).click();
        editor.sendKeys("Quan trọng");
        editor.sendKeys(Keys.ENTER);
        browser.findElement(By.cssSelector(".toolbar button[aria-label='Bulleted list']")).click();
        editor.sendKeys("<script>alert(1)</script>");
        String written = browser.findElement(By.id("body")).getAttribute("value");
        assertThat(written).contains("<strong>Quan trọng</strong>").contains("<ul><li><p>").contains("&lt;script&gt;");
        browser.findElement(By.id("field-dateline")).sendKeys("HÀ NỘI");
        browser.findElement(By.id("countries")).sendKeys("FR");
        browser.findElement(By.id("create")).click();
        waitFor(By.id("localization-form"));
        String storyId = browser.getCurrentUrl().replaceAll(".*/console/stories/([^/]+)/vi.*", "$1");
        assertThat(storyId).doesNotContain("/");
        // What the editor wrote is what the sanitiser kept: read back from the stored body, the editor writes the same HTML.
        assertThat(browser.findElement(By.id("body")).getAttribute("value")).isEqualTo(written);
        assertThat(Api.as("editor.mofa").get("/api/v1/manage/stories/" + storyId + "/localizations/vi").then().extract().<String>path("body"))
                .contains("<strong>").doesNotContain("<script");

        // A lead image: uploaded through the media library (progress bar, sniffed on the server), alt text in both languages.
        java.nio.file.Path photo = writeTempJpeg();
        open("/console/media");
        browser.findElement(By.id("file")).sendKeys(photo.toString());
        browser.findElement(By.id("upload")).click();
        waitFor(By.id("asset-form"));
        String assetId = browser.getCurrentUrl().replaceAll(".*/console/media/([^/?]+).*", "$1");
        replace(By.id("alt-vi"), "Toàn cảnh hội nghị");
        replace(By.id("alt-fr"), "Vue de la conférence");
        replace(By.id("focalX"), "0.4");
        replace(By.id("focalY"), "0.3");
        browser.findElement(By.id("save-asset")).click();
        waitFor(By.cssSelector("#asset-form input[name='version'][value='2']"));
        open("/console/stories/" + storyId);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("lead-asset"))).selectByValue(assetId);
        browser.findElement(By.id("set-lead")).click();
        waitFor(By.id("lead-preview"));

        // Translate side by side: the source on the left, the French form on the right.
        open("/console/stories/" + storyId);
        browser.findElement(By.id("new-lang")).sendKeys("fr");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("new-from"))).selectByVisibleText("vi");
        browser.findElement(By.id("new-lang")).submit();
        waitFor(By.id("source-h"));
        assertThat(browser.findElement(By.id("source-h")).getText()).contains("vi");
        assertThat(browser.findElement(By.cssSelector(".source")).getText()).contains(title);
        browser.findElement(By.id("title")).sendKeys("Conférence nationale sur l'information extérieure");
        browser.findElement(By.id("body-editor")).sendKeys("Hanoï, le 1er décembre.");
        browser.findElement(By.id("save")).click();
        waitFor(By.cssSelector("#saved, #problem"));
        assertThat(browser.findElements(By.id("problem"))).extracting(WebElement::getText).isEmpty();
        for (String lang : List.of("vi", "fr")) {
            open("/console/stories/" + storyId + "/" + lang);
            browser.findElement(By.id("action-submit")).click();
            waitForText(By.id("state"), "in_review");
        }
        signOut();

        // The approver publishes French with the keyboard only: Tab to each action, Enter to take it.
        signIn("approver.mofa", "demo-approver");
        open("/console/stories/" + storyId + "/fr");
        pressWithKeyboard("action-approve");
        waitForText(By.id("state"), "approved");
        pressWithKeyboard("action-publish");
        waitForText(By.id("state"), "published");
        signOut();

        String key = Consumers.reading("fr").key();
        String served = Consumers.withKey(key).get("/api/v1/stories/" + storyId).then().statusCode(200).extract().asString();
        assertThat(served).contains("Conférence nationale sur l'information extérieure").contains(assetId).contains("Vue de la conférence");
    }

    @Test
    void aContributorHasNoPublishButton() {
        String id = Api.as("contributor.embassy-fr").body(org.imagehub.testing.Stories.article().with("organisation", "embassy-fr").inLanguages("fr").build())
                .post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        signIn("contributor.embassy-fr", "demo-contributor");
        open("/console/stories/" + id + "/fr");
        assertThat(browser.findElements(By.id("action-publish"))).isEmpty();
        assertThat(browser.findElements(By.id("action-approve"))).isEmpty();
        // Contributors write drafts; an editor of their organisation submits them (EditorialPolicy): no action at all.
        assertThat(browser.findElements(By.id("no-actions"))).hasSize(1);
        signOut();
    }

    @Test
    void twoTabsEditingOneTextGetTheConflictShownAndNothingIsLost() {
        String id = Api.as("editor.mofa").body(org.imagehub.testing.Stories.article().inLanguages("fr").build())
                .post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        signIn("editor.mofa", "demo-editor");
        String first = browser.getWindowHandle();
        open("/console/stories/" + id + "/fr");
        browser.switchTo().newWindow(WindowType.TAB);
        String second = browser.getWindowHandle();
        open("/console/stories/" + id + "/fr");

        browser.switchTo().window(first);
        replace(By.id("summary"), "Version de l'onglet un.");
        browser.findElement(By.id("save")).click();
        waitFor(By.id("saved"));

        browser.switchTo().window(second);
        replace(By.id("summary"), "Version de l'onglet deux, à ne pas perdre.");
        browser.findElement(By.id("save")).click();
        waitFor(By.id("stale"));
        assertThat(browser.findElement(By.id("summary")).getAttribute("value")).isEqualTo("Version de l'onglet deux, à ne pas perdre.");
        String stored = Api.as("editor.mofa").get("/api/v1/manage/stories/" + id + "/localizations/fr").then().extract().path("summary");
        assertThat(stored).isEqualTo("Version de l'onglet un.");
        browser.close();
        browser.switchTo().window(first);
        signOut();
    }

    @Test
    void revisionsShowAVisualDiffAndRestoreMakesANewRevision() {
        String id = Api.as("editor.mofa").body(org.imagehub.testing.Stories.article().inLanguages("fr").build())
                .post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        String localization = "/api/v1/manage/stories/" + id + "/localizations/fr";
        String etag = Api.as("editor.mofa").get(localization).then().extract().header("ETag");
        String title = Api.as("editor.mofa").get(localization).then().extract().path("title");
        Api.as("editor.mofa").header("If-Match", etag).body(java.util.Map.of("title", title, "summary", "Résumé révisé."))
                .put(localization).then().statusCode(200);
        signIn("editor.mofa", "demo-editor");
        open("/console/revisions/" + id + "/fr?from=1&to=2");
        assertThat(browser.findElements(By.cssSelector("#diff del"))).extracting(WebElement::getText).anyMatch(text -> text.contains("Lead"));
        assertThat(browser.findElements(By.cssSelector("#diff ins"))).extracting(WebElement::getText).anyMatch(text -> text.contains("révisé"));
        browser.findElement(By.id("restore-1")).click();
        waitFor(By.id("saved"));
        assertThat(Api.as("editor.mofa").get(localization).then().extract().<Integer>path("revision")).isEqualTo(3);
        assertThat(Api.as("editor.mofa").get(localization).then().extract().<String>path("summary")).isEqualTo("Lead in fr.");
        signOut();
    }

    @Test
    void anAdminIssuesAKeyShownOnceThatWorksAndSeesItInTheAuditLog() {
        String consumerId = Api.asAdmin().body(java.util.Map.of("name", "Console test site " + System.nanoTime(), "kind", "embassy-site",
                "scopes", List.of("content:read"))).post("/api/v1/manage/consumers").then().statusCode(201).extract().path("id");
        signIn("admin", "demo-admin");
        open("/console/admin");
        browser.findElement(By.linkText(Api.asAdmin().get("/api/v1/manage/consumers/" + consumerId).then().extract().<String>path("name"))).click();
        browser.findElement(By.id("issue")).click();
        waitFor(By.id("issued-key"));
        String key = browser.findElement(By.id("issued-key")).getAttribute("value");
        assertThat(key).startsWith("ihk_");
        Consumers.withKey(key).get("/api/v1/stories").then().statusCode(200);
        open("/console/admin/consumers/" + consumerId);
        assertThat(browser.getPageSource()).doesNotContain(key);
        open("/console/admin/audit?action=api-key.issued");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("api-key.issued");
        open("/console/admin/outbox");
        assertThat(browser.findElement(By.id("handlers")).getText()).contains("search");
        String code = "org-console-" + (System.nanoTime() % 100000);
        open("/console/admin/organisations");
        browser.findElement(By.id("org-code")).sendKeys(code);
        browser.findElement(By.id("org-name")).sendKeys("Sở Văn hóa " + code);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("org-kind"))).selectByVisibleText("province");
        browser.findElement(By.id("create-organisation")).click();
        waitForText(By.id("organisations"), code);
        assertThat(Api.asAdmin().get("/api/v1/manage/organisations").then().extract().<List<String>>path("items.code")).contains(code);
        signOut();

        // Not an admin: the same rule as the API's admin resources.
        signIn("editor.mofa", "demo-editor");
        assertThat(browser.findElements(By.cssSelector("a[href='/console/admin']"))).isEmpty();
        signOut();
        ConsoleSecurityTests.console("editor.mofa").get("/console/admin").then().statusCode(403);
    }

    @Test
    void anApproverEditsAKeyMessageTranslationAndSeesTheCoverageMatrix() {
        String code = "km-console-" + System.nanoTime();
        Api.as("approver.mofa").body(java.util.Map.of("code", code, "translations", java.util.Map.of("vi", "Đối tác tin cậy", "en", "A reliable partner")))
                .post("/api/v1/manage/key-messages").then().statusCode(201);
        signIn("approver.mofa", "demo-approver");
        open("/console/key-messages");
        assertThat(browser.findElement(By.id("coverage")).getText()).contains(code);
        browser.findElement(By.linkText(code)).click();
        replace(By.id("text-fr"), "Un partenaire fiable");
        browser.findElement(By.id("save-key-message")).click();
        waitFor(By.id("coverage"));
        assertThat(Api.as("approver.mofa").get("/api/v1/manage/key-messages/" + code).then().extract().<String>path("translations.fr"))
                .isEqualTo("Un partenaire fiable");
        signOut();
    }

    @Test
    void reportsAreDrawnAsChartsWithTheirCsvAndFollowTheApisAccessRules() {
        signIn("admin", "demo-admin");
        open("/console/reports");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-reach svg")));
        assertThat(browser.findElements(By.cssSelector("#chart-coverage svg, #chart-speed svg, #chart-corrections svg"))).hasSize(3);
        signOut();
        String csv = ConsoleSecurityTests.console("admin").get("/console/reports/reach.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv.lines().findFirst().orElse("")).contains("period").contains("channel");
        // An organisation's editor asking for another organisation's figures gets the API's refusal, shown on the page.
        String refused = ConsoleSecurityTests.console("editor.hue").get("/console/reports?organisation=mofa").then().statusCode(200).extract().asString();
        assertThat(refused).contains("id=\"problem\"");
    }

    @Test
    void aSocialVariantIsCountedAsTheServerCountsItShownOnTheCalendarWithClashesAndApproved() {
        String storyId = org.imagehub.testing.Publishing.published(org.imagehub.testing.Stories.article().inLanguages("fr"));
        String account = org.imagehub.testing.SocialTesting.account("x", "mofa", List.of("fr"), "Europe/Paris", null);
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(1).toString();
        String postId = org.imagehub.testing.SocialTesting.created(org.imagehub.testing.SocialTesting.post(storyId, "fr", account, "Premier message.", tomorrow + "T09:00"));
        org.imagehub.testing.SocialTesting.created(org.imagehub.testing.SocialTesting.post(storyId, "fr", account, "Second message.", tomorrow + "T09:01"));

        signIn("editor.mofa", "demo-editor");
        open("/console/social?view=week&start=" + tomorrow);
        assertThat(browser.findElements(By.cssSelector("#calendar a[href='/console/social/posts/" + postId + "']"))).hasSize(1);
        assertThat(browser.findElements(By.id("clashes"))).hasSize(1);
        open("/console/social/posts/" + postId);
        String before = browser.findElement(By.id("counted")).getText();
        replace(By.id("text"), "Le Việt Nam et la France renforcent leur coopération à Hà Nội https://example.org/a/very/long/address/that/x/counts/as/23");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !driver.findElement(By.id("counted")).getText().equals(before));
        String shown = browser.findElement(By.id("counted")).getText();
        browser.findElement(By.id("save-post")).click();
        waitFor(By.cssSelector("#post-form input[name='version'][value='2']"));
        Integer stored = Api.as("editor.mofa").get("/api/v1/manage/social/posts/" + postId).then().extract().path("countedLength");
        assertThat(shown).isEqualTo(String.valueOf(stored));
        assertThat(browser.findElements(By.id("approve-post"))).isEmpty();
        signOut();

        signIn("approver.mofa", "demo-approver");
        open("/console/social/posts/" + postId);
        browser.findElement(By.id("approve-post")).click();
        waitForText(By.id("post-state"), "queued");
        signOut();
    }

    @Test
    void anImportShowsItsProgressAndEveryFailedLine() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String run = "console-import-" + System.nanoTime();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= 2; i++) {
            ndjson.append(json.writeValueAsString(org.imagehub.testing.Stories.article().with("externalId", run + "-" + i).inLanguages("vi", "fr").build()))
                    .append('\n');
        }
        ndjson.append("{\"externalId\": \"").append(run).append("-3\", \"type\": \"no-such-type\"}\n");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("console-import-", ".ndjson");
        java.nio.file.Files.writeString(file, ndjson);
        signIn("editor.mofa", "demo-editor");
        open("/console/import");
        browser.findElement(By.id("import-file")).sendKeys(file.toString());
        browser.findElement(By.id("import-start")).click();
        waitFor(By.cssSelector("#import-counts[data-finished='true']"));
        assertThat(browser.findElement(By.id("import-counts")).getText()).contains("3 / 3").contains("created 2").contains("failed 1");
        assertThat(browser.findElement(By.id("import-progress")).getAttribute("value")).isEqualTo("3");
        assertThat(browser.findElement(By.id("import-failures")).getText()).contains(run + "-3").contains("type");
        signOut();
        java.nio.file.Files.deleteIfExists(file);
    }

    @Test
    void anInfographicGetsAnImageForEachLanguage() {
        String id = Api.as("editor.mofa").body(org.imagehub.testing.Stories.of("infographic", java.util.Map.of("dataSources", List.of("GSO 2026")))
                .inLanguages("vi", "fr").build()).post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        String image = Api.as("editor.mofa").contentType("multipart/form-data")
                .multiPart("file", "info-fr-" + System.nanoTime() + ".png", org.imagehub.testing.TestImages.png(601, 901), "image/png")
                .post("/api/v1/manage/media").then().statusCode(201).extract().path("id");
        signIn("editor.mofa", "demo-editor");
        open("/console/stories/" + id + "/fr");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("infographic-asset"))).selectByValue(image);
        browser.findElement(By.id("set-infographic")).click();
        waitFor(By.id("infographic-preview"));
        List<java.util.Map<String, Object>> media = Api.as("editor.mofa").get("/api/v1/manage/stories/" + id + "/media").then().statusCode(200)
                .extract().path("items");
        assertThat(media).anySatisfy(item -> assertThat(item).containsEntry("assetId", image).containsEntry("role", "infographic").containsEntry("lang", "fr"));
        open("/console/stories/" + id + "/vi");
        assertThat(browser.findElements(By.id("infographic-preview"))).isEmpty();
        signOut();
    }

    @Test
    void anApproverPublishesChosenStoriesAtOnceAndAnAdminRebuildsTheSearchIndexWithProgressShown() {
        org.imagehub.testing.Stories first = org.imagehub.testing.Stories.article().inLanguages("fr");
        String one = Api.as("editor.mofa").body(first.build()).post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        signIn("approver.mofa", "demo-approver");
        String query = "/console/stories?state=draft&q=" + first.unique();
        waiting().until(driver -> {
            open(query);
            return !driver.findElements(By.id("pick-" + one + "-fr")).isEmpty();
        });
        browser.findElement(By.id("pick-" + one + "-fr")).click();
        browser.findElement(By.id("bulk-publish")).click();
        waitForText(By.id("bulk-published"), "1");
        assertThat(Api.asAdmin().get("/api/v1/manage/stories/" + one + "/localizations/fr").then().extract().<String>path("status")).isEqualTo("published");
        signOut();

        signIn("admin", "demo-admin");
        open("/console/admin/outbox");
        browser.findElement(By.id("reindex")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.presenceOfElementLocated(By.id("reindexed")));
        assertThat(browser.findElement(By.id("reindexed")).getText()).contains("→");
        signOut();
    }

    @Test
    void aFieldDeclaredOnlyInTheContentModelAppearsInTheForm() {
        signIn("editor.mofa", "demo-editor");
        // test-recipe exists only in src/test/content-model: no Java class or template names its fields.
        open("/console/stories/new?type=test-recipe");
        assertThat(browser.findElement(By.id("field-servings")).getAttribute("type")).isEqualTo("number");
        assertThat(browser.findElement(By.cssSelector("label[for='field-servings']")).getText()).contains("Servings");
        assertThat(browser.findElements(By.cssSelector("#field-region option"))).extracting(WebElement::getText).contains("north", "centre", "south");
        assertThat(browser.findElements(By.id("field-ingredients"))).hasSize(1);
        signOut();
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnAnyScreenAtBothWidths() {
        String id = Api.as("editor.mofa").body(org.imagehub.testing.Stories.article().inLanguages("vi", "fr").build())
                .post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        List<String> screens = List.of("/console", "/console/stories", "/console/stories/new", "/console/stories/" + id, "/console/media",
                "/console/stories/" + id + "/fr", "/console/revisions/" + id + "/fr", "/console/key-messages", "/console/reports", "/console/social", "/console/social?view=month", "/console/import", "/console/language/vi", "/console/stories/" + id + "/fr",
                "/console/media");
        List<String> found = new ArrayList<>();
        open("/console/sign-in");
        found.addAll(violations("/console/sign-in"));
        signIn("editor.mofa", "demo-editor");
        for (int width : new int[] {1280, 375}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            for (String screen : screens) {
                open(screen);
                found.addAll(violations(screen + " @" + width));
            }
        }
        signOut();
        String consumerId = Api.asAdmin().body(java.util.Map.of("name", "Axe site " + System.nanoTime(), "kind", "embassy-site",
                "scopes", List.of("content:read"))).post("/api/v1/manage/consumers").then().statusCode(201).extract().path("id");
        String assetId = Api.as("editor.mofa").contentType("multipart/form-data")
                .multiPart("file", "axe-" + System.nanoTime() + ".png", org.imagehub.testing.TestImages.png(403, 302), "image/png")
                .post("/api/v1/manage/media").then().statusCode(201).extract().path("id");
        String published = org.imagehub.testing.Publishing.published(org.imagehub.testing.Stories.article().inLanguages("fr"));
        String account = org.imagehub.testing.SocialTesting.account("facebook", "mofa", List.of("fr"), "Europe/Paris", null);
        String postId = org.imagehub.testing.SocialTesting.created(org.imagehub.testing.SocialTesting.post(published, "fr", account, "Un message.", null));
        signIn("admin", "demo-admin");
        for (String screen : List.of("/console/admin", "/console/admin/consumers/" + consumerId, "/console/admin/organisations", "/console/admin/outbox",
                "/console/admin/audit", "/console/media/" + assetId, "/console/social/posts/" + postId)) {
            open(screen);
            found.addAll(violations(screen + " @375"));
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        open("/console/language/en");
        signOut();
        assertThat(found).isEmpty();
    }

    private static java.nio.file.Path writeTempJpeg() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("console-lead-", ".jpg");
            java.nio.file.Files.write(file, org.imagehub.testing.TestImages.jpeg(1200, 800));
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> violations(String where) {
        Results results = new AxeBuilder().analyze(browser);
        List<String> serious = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                serious.add(where + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getNodes().size() + " node(s)");
            }
        }
        return serious;
    }

    private void pressWithKeyboard(String buttonId) {
        browser.findElement(By.tagName("body")).click();
        for (int tabs = 0; tabs < 200; tabs++) {
            WebElement focused = browser.switchTo().activeElement();
            if (buttonId.equals(focused.getAttribute("id"))) {
                focused.sendKeys(Keys.ENTER);
                return;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + buttonId);
    }

    private void signIn(String username, String password) {
        open("/console/sign-in");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        waitForText(By.id("signed-in-as"), username);
    }

    private void signOut() {
        browser.findElement(By.cssSelector("form[action='/console/sign-out'] button")).click();
        waitFor(By.id("username"));
    }

    private void open(String path) {
        browser.get(hub.toString().replaceAll("/$", "") + path);
    }

    private void replace(By field, String text) {
        WebElement element = browser.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    /** Waits out htmx swaps: an element replaced while it is read is read again. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    private void waitFor(By locator) {
        waiting().until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private void waitForText(By locator, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }
}
