package org.imagehub.delivery.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.testing.Corpus;

/**
 * Test-data builder for delivered stories made of the real pages in {@code ../shared/corpus}:
 * {@code DeliveredStories.inLanguage("zh-Hans").breaking().alsoIn("fr", "vi").build()}.
 */
final class DeliveredStories {
    static final String BASE_URL = "https://hub.example.org/api/v1/stories/";

    /** Which corpus page each language is read from, and at which non-blank line its headline and lead sit. */
    private record Page(String storyId, String file, int titleLine, int summaryLine) {
    }

    private static final Map<String, Page> PAGES = Map.of(
            "zh-Hans", new Page("resolution-47", "zh-resolution-47-vna.txt", 0, 1),
            "fr", new Page("resolution-47", "fr-resolution-47-cpv.txt", 0, 2),
            "vi", new Page("resolution-47", "vi-resolution-47-qa.txt", 2, 4),
            "uk", new Page("steering-committee-2025", "uk-steering-committee-2025.txt", 0, 1));
    private static final int BODY_PARAGRAPHS = 8;

    private final String lang;
    private final Page page;
    private String type = "article";
    private String priority = "normal";
    private List<String> topics = List.of("foreign-information", "government");
    private List<String> countries = List.of("VN");
    private List<String> tags = List.of("resolution-47", "2030");
    private Map<String, Object> storyFields = Map.of();
    private Map<String, Object> localizationFields = Map.of();
    private DeliveredStory.Rights rights = new DeliveredStory.Rights("VNA", "Ministry of Foreign Affairs", "CC-BY-4.0");
    private Instant firstPublishedAt = Instant.parse("2024-04-16T09:52:00Z");
    private Instant publishedAt = Instant.parse("2024-05-04T09:52:00Z");
    private Instant embargoUntil;
    private Instant expiresAt;
    private long version = 3;
    private final List<org.imagehub.delivery.DeliveredMedia> media = new java.util.ArrayList<>();
    private String title;
    private String summary;
    private final List<DeliveredStory.Alternate> otherLanguages = new ArrayList<>();

    private DeliveredStories(String lang) {
        this.lang = lang;
        this.page = PAGES.get(lang);
        if (page == null) {
            throw new IllegalArgumentException("No corpus page in " + lang + "; have " + PAGES.keySet());
        }
    }

    static DeliveredStories inLanguage(String lang) {
        return new DeliveredStories(lang);
    }

    static List<String> corpusLanguages() {
        return List.of("zh-Hans", "fr", "vi", "uk");
    }

    /** A fact-check about the corpus page: a claim that circulated on two platforms, rated with the given verdict. */
    DeliveredStories factCheck(String verdict) {
        type = JsonLdMapper.FACT_CHECK;
        storyFields = Map.of(
                "claimant", "Anonymous video channel",
                "circulatedOn", List.of(
                        Map.of("platform", "YouTube", "url", "https://video.example.com/watch/abc", "firstSeen", "2024-04-20"),
                        Map.of("platform", "Facebook", "url", "https://social.example.com/posts/123")),
                "verdict", verdict,
                "evidence", List.of(Map.of("title", "Resolution 47/NQ-CP", "url", "https://chinhphu.vn/resolution-47")));
        List<String> lines = lines();
        localizationFields = Map.of("claimQuoted", lines.get(page.summaryLine()), "officialFacts", lines.get(page.summaryLine() + 1));
        return this;
    }

    /** A lead image with its renditions, and a caption and alt text in the story's language. */
    DeliveredStories withImage() {
        String base = "https://hub.example.org/api/v1/media/01jd8x6m3v9q2w7r5t4y1k0zpa/";
        media.add(new org.imagehub.delivery.DeliveredMedia("01jd8x6m3v9q2w7r5t4y1k0zpa", "lead", "image", "image/jpeg", 4000, 3000, null,
                "Hạ Long <Bay> & islands", "Limestone islands in green water", "Photo: VNA", "CC BY 4.0", "© 2026 VNA",
                java.time.Instant.parse("2026-11-30T08:00:00Z"), new org.imagehub.delivery.DeliveredMedia.File("original", "image/jpeg", 4000, 3000, 2_482_113, base + "original-9f86d081884c7d65.jpg"),
                List.of(new org.imagehub.delivery.DeliveredMedia.File("large", "image/jpeg", 1600, 1200, 312_000, base + "large-3fa2c1d9e0ab4c11.jpg"),
                        new org.imagehub.delivery.DeliveredMedia.File("large", "image/webp", 1600, 1200, 120_000, base + "large-4fa2c1d9e0ab4c11.webp"),
                        new org.imagehub.delivery.DeliveredMedia.File("social-landscape", "image/jpeg", 1200, 630, 98_000,
                                base + "social-landscape-5fa2c1d9e0ab4c11.jpg")), null));
        return this;
    }

    /** A PDF document: no renditions, no size in pixels. */
    DeliveredStories withDocument() {
        media.add(new org.imagehub.delivery.DeliveredMedia("01jd8x6m3v9q2w7r5t4y1k0zdd", "document", "document", "application/pdf", null, null,
                null, "Communiqué (PDF)", null, null, null, null, java.time.Instant.parse("2026-11-30T10:00:00Z"),
                new org.imagehub.delivery.DeliveredMedia.File("original", "application/pdf", null, null, 81_000,
                        "https://hub.example.org/api/v1/media/01jd8x6m3v9q2w7r5t4y1k0zdd/original-abcdabcdabcdabcd.pdf"), List.of(), null));
        return this;
    }

    /** A video of 93.48 s with a poster image, and a caption in the story's language. */
    DeliveredStories withVideo() {
        String base = "https://hub.example.org/api/v1/media/";
        media.add(new org.imagehub.delivery.DeliveredMedia("01jd8x6m3v9q2w7r5t4y1k0zvv", "video", "video", "video/mp4", 1920, 1080, 93_480L,
                "Lanterns of Hội An", "Paper lanterns lit over the river", "Video: VNA", "CC BY 4.0", null,
                java.time.Instant.parse("2026-11-30T09:15:00Z"),
                new org.imagehub.delivery.DeliveredMedia.File("original", "video/mp4", 1920, 1080, 48_000_000,
                        base + "01jd8x6m3v9q2w7r5t4y1k0zvv/original-7d65f86d08188c9f.mp4"), List.of(),
                new org.imagehub.delivery.DeliveredMedia.Poster("01jd8x6m3v9q2w7r5t4y1k0zpp",
                        new org.imagehub.delivery.DeliveredMedia.File("original", "image/jpeg", 1920, 1080, 402_000,
                                base + "01jd8x6m3v9q2w7r5t4y1k0zpp/original-1111222233334444.jpg"),
                        List.of(new org.imagehub.delivery.DeliveredMedia.File("large", "image/jpeg", 1600, 900, 212_000,
                                        base + "01jd8x6m3v9q2w7r5t4y1k0zpp/large-5555666677778888.jpg"),
                                new org.imagehub.delivery.DeliveredMedia.File("large", "image/webp", 1600, 900, 92_000,
                                        base + "01jd8x6m3v9q2w7r5t4y1k0zpp/large-9999aaaabbbbcccc.webp")))));
        return this;
    }

    DeliveredStories breaking() {
        priority = "breaking";
        return this;
    }

    DeliveredStories embargoedUntil(Instant until) {
        embargoUntil = until;
        return this;
    }

    DeliveredStories expiresAt(Instant at) {
        expiresAt = at;
        return this;
    }

    DeliveredStories rights(String credit, String source, String licence) {
        rights = new DeliveredStory.Rights(credit, source, licence);
        return this;
    }

    /** Replaces the corpus headline and lead, e.g. with text that looks like markup. */
    DeliveredStories text(String newTitle, String newSummary) {
        title = newTitle;
        summary = newSummary;
        return this;
    }

    DeliveredStories publishedAt(Instant at) {
        publishedAt = at;
        return this;
    }

    DeliveredStories version(long newVersion) {
        version = newVersion;
        return this;
    }

    DeliveredStories alsoIn(String... languages) {
        for (String other : languages) {
            otherLanguages.add(new DeliveredStory.Alternate(other, slug(other), url(other)));
        }
        return this;
    }

    DeliveredStory build() {
        List<String> lines = lines();
        List<String> body = lines.subList(page.summaryLine(), Math.min(lines.size(), page.summaryLine() + BODY_PARAGRAPHS));
        String bodyHtml = body.stream().map(line -> "<p>" + escape(line) + "</p>").collect(Collectors.joining());
        return new DeliveredStory(page.storyId(), lang, type, priority, "Ministry of Foreign Affairs", slug(lang), false,
                title == null ? lines.get(page.titleLine()) : title, summary == null ? lines.get(page.summaryLine()) : summary, bodyHtml, String.join("\n\n", body), topics,
                countries, tags, List.of("km-foreign-information"), storyFields, localizationFields, rights,
                firstPublishedAt, publishedAt, embargoUntil, expiresAt, version, url(lang), List.copyOf(otherLanguages), List.copyOf(media));
    }

    /** The headline the built story carries, straight from the corpus page. */
    String title() {
        return lines().get(page.titleLine());
    }

    private String url(String language) {
        return BASE_URL + page.storyId() + "?lang=" + language;
    }

    private String slug(String language) {
        return page.storyId() + "-" + language.toLowerCase();
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(Corpus.dir().resolve(page.file())).stream()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Corpus page missing: " + page.file(), e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
