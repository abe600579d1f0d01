package org.imagehub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.content.media.StoryMediaItem;
import org.imagehub.content.media.StoryMediaService;
import org.imagehub.content.story.Story;
import org.imagehub.media.asset.LocalizedText;
import org.imagehub.media.asset.MediaAssetView;
import org.imagehub.media.asset.MediaInput;
import org.imagehub.media.asset.MediaLibrary;
import org.imagehub.media.asset.MediaUploads;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.Actor;

/**
 * Gives the demo stories their images, as an editor would: each picture (drawn by {@link DemoPictures}) is uploaded
 * through the media pipeline (sniffed, stripped, stored, renditions made after commit), gets a caption (the story's
 * title) and alt text in every language of its story, and is attached to the story with its role. The infographic
 * marked {@code perLanguage} in {@code /demo/media.json} gets one image per language, drawn in that language.
 */
@ApplicationScoped
public class DemoMedia {
    private final MediaUploads uploads;
    private final MediaLibrary library;
    private final StoryMediaService storyMedia;
    private final ObjectMapper objectMapper;

    public DemoMedia(MediaUploads uploads, MediaLibrary library, StoryMediaService storyMedia, ObjectMapper objectMapper) {
        this.uploads = uploads;
        this.library = library;
        this.storyMedia = storyMedia;
        this.objectMapper = objectMapper;
    }

    /** Attaches the planned images to each demo story (by external id); the number of images uploaded. */
    public int attachAll(Map<String, String> storyIdsByExternalId, Actor editor) {
        Plan plan = plan();
        int uploaded = 0;
        for (Map.Entry<String, String> story : storyIdsByExternalId.entrySet()) {
            uploaded += attach(plan, story.getValue(), story.getKey(), editor);
        }
        return uploaded;
    }

    /** Attaches the images planned for demo story {@code externalId} to the story {@code storyId}. */
    public int attach(String storyId, String externalId, Actor editor) {
        return attach(plan(), storyId, externalId, editor);
    }

    /** What media.json and stories.ndjson say, read once per load. */
    record Plan(JsonNode media, Map<String, Map<String, String>> titles) {
        List<JsonNode> imagesOf(String externalId) {
            List<JsonNode> images = new ArrayList<>();
            media.path("images").forEach(image -> {
                if (externalId.equals(image.path("story").asText())) {
                    images.add(image);
                }
            });
            return images;
        }
    }

    Plan plan() {
        try (InputStream media = DemoDataset.class.getResourceAsStream("/demo/media.json");
                InputStream stories = DemoDataset.class.getResourceAsStream("/demo/stories.ndjson")) {
            Map<String, Map<String, String>> titles = new LinkedHashMap<>();
            for (String line : new BufferedReader(new InputStreamReader(stories, StandardCharsets.UTF_8)).lines().toList()) {
                JsonNode story = objectMapper.readTree(line);
                Map<String, String> byLanguage = new LinkedHashMap<>();
                story.path("localizations").forEach(localization -> byLanguage.put(localization.path("lang").asText(),
                        localization.path("title").asText()));
                titles.put(story.path("externalId").asText(), byLanguage);
            }
            return new Plan(objectMapper.readTree(media), titles);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo media plan", e);
        }
    }

    private int attach(Plan plan, String storyId, String externalId, Actor editor) {
        Map<String, String> titles = plan.titles().get(externalId);
        List<StoryMediaItem> items = new ArrayList<>();
        List<JsonNode> images = plan.imagesOf(externalId);
        for (int i = 0; i < images.size(); i++) {
            JsonNode image = images.get(i);
            String motif = image.path("motif").asText();
            String role = image.path("role").asText();
            if (image.path("perLanguage").asBoolean()) {
                for (String lang : titles.keySet()) {
                    JsonNode words = plan.media().path("chartWords").path(lang);
                    byte[] chart = DemoPictures.exportChart(lang, new DemoPictures.ChartWords(words.path("title").asText(),
                            words.path("rice").asText(), words.path("coffee").asText(), words.path("unit").asText(), words.path("source").asText()));
                    String id = upload(chart, externalId + "-" + motif + "-" + lang + ".png", editor);
                    describe(id, plan, motif, Map.of(lang, titles.get(lang)), editor);
                    items.add(new StoryMediaItem(id, role, lang));
                }
            } else {
                byte[] scene = DemoPictures.scene(motif, externalId + "/" + i, "Image Hub demo · " + externalId);
                String id = upload(scene, externalId + "-" + motif + ".jpg", editor);
                describe(id, plan, motif, titles, editor);
                items.add(new StoryMediaItem(id, role, null));
            }
        }
        if (!items.isEmpty()) {
            long version = QuarkusTransaction.requiringNew().call(() -> Story.<Story>findById(storyId).version);
            storyMedia.replace(storyId, items, EntityTags.of(version), editor);
        }
        return items.size();
    }

    private String upload(byte[] bytes, String filename, Actor editor) {
        try {
            Path file = Files.createTempFile("demo-media-", filename);
            try {
                Files.write(file, bytes);
                return uploads.upload(file, filename, editor).asset().id();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Caption (the story's title) and alt text (the motif's) in each given language; a missing alt text is a bug of the plan. */
    private void describe(String assetId, Plan plan, String motif, Map<String, String> captions, Actor editor) {
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        captions.forEach((lang, caption) -> {
            String altText = plan.media().path("altText").path(motif).path(lang).asText(null);
            if (altText == null) {
                throw new IllegalStateException("The demo media plan has no " + lang + " alt text for '" + motif + "'");
            }
            texts.put(lang, new LocalizedText(caption, altText));
        });
        MediaAssetView asset = library.get(assetId);
        library.update(assetId, new MediaInput(plan.media().path("credit").asText(), plan.media().path("licence").asText(), null,
                null, texts, null), EntityTags.of(asset.version()), editor);
    }
}
