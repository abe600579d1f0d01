package org.imagehub.social.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped network files load and hold the documented figures; a broken file stops start-up, named. */
class NetworkRulesTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHIPPED = Path.of("social-networks");

    @Test
    void everyShippedNetworkLoads() {
        SocialNetworks networks = new SocialNetworks(SHIPPED, JSON);
        assertThat(networks.all()).extracting(NetworkRules::network).containsExactly(
                "bluesky", "facebook", "instagram", "linkedin", "telegram", "threads", "tiktok", "x", "youtube", "zalo");
        assertThat(networks.all()).allSatisfy(rules -> assertThat(rules.sources()).isNotEmpty());
    }

    @Test
    void theFiguresAreTheNetworksOwn() {
        SocialNetworks networks = new SocialNetworks(SHIPPED, JSON);
        NetworkRules x = networks.find("x").orElseThrow();
        assertThat(x.text().maxLength()).isEqualTo(280);
        assertThat(x.text().counting()).isEqualTo(LengthCounting.TWITTER);
        assertThat(x.links().handling()).isEqualTo(LinkHandling.IN_TEXT);

        NetworkRules instagram = networks.find("instagram").orElseThrow();
        assertThat(instagram.media().required()).isTrue();
        assertThat(instagram.media().maxCount()).isEqualTo(10);
        assertThat(instagram.media().minAspectRatio()).isEqualTo(0.8);
        assertThat(instagram.media().maxAspectRatio()).isEqualTo(1.91);
        assertThat(instagram.hashtags().max()).isEqualTo(30);
        assertThat(instagram.mentions().max()).isEqualTo(20);
        assertThat(instagram.links().handling()).isEqualTo(LinkHandling.NONE);

        NetworkRules telegram = networks.find("telegram").orElseThrow();
        assertThat(telegram.text().maxLength(false)).isEqualTo(4096);
        assertThat(telegram.text().maxLength(true)).isEqualTo(1024);

        NetworkRules bluesky = networks.find("bluesky").orElseThrow();
        assertThat(bluesky.text().counting()).isEqualTo(LengthCounting.GRAPHEMES);
        assertThat(bluesky.media().maxImageBytes()).isEqualTo(1_000_000L);

        assertThat(networks.find("threads").orElseThrow().hashtags().max()).isEqualTo(1);
        assertThat(networks.find("youtube").orElseThrow().hashtags().max()).isEqualTo(15);
        assertThat(networks.find("tiktok").orElseThrow().links().handling()).isEqualTo(LinkHandling.NONE);
        assertThat(networks.find("facebook").orElseThrow().links().handling()).isEqualTo(LinkHandling.ATTACHED);
        assertThat(networks.find("myspace")).isEmpty();
    }

    @Test
    void theFileIsServedAsStored() {
        SocialNetworks networks = new SocialNetworks(SHIPPED, JSON);
        assertThat(networks.document("zalo").orElseThrow().path("notes").asText()).contains("UNCERTAIN");
        assertThat(networks.document("x").orElseThrow().path("text").path("counting").asText()).isEqualTo("twitter");
    }

    @Test
    void aFileBreakingTheSchemaIsNamed(@TempDir Path folder) throws IOException {
        copySchema(folder);
        String x = Files.readString(SHIPPED.resolve("x.json")).replace("\"maxLength\": 280", "\"maxLength\": \"280\"");
        Files.writeString(folder.resolve("x.json"), x);
        assertThatThrownBy(() -> new SocialNetworks(folder, JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("x.json")
                .hasMessageContaining("maxLength");
    }

    @Test
    void anUnknownFieldIsRefused(@TempDir Path folder) throws IOException {
        copySchema(folder);
        String x = Files.readString(SHIPPED.resolve("x.json")).replace("\"name\": \"X\",", "\"name\": \"X\", \"maxPolls\": 1,");
        Files.writeString(folder.resolve("x.json"), x);
        assertThatThrownBy(() -> new SocialNetworks(folder, JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("x.json")
                .hasMessageContaining("maxPolls");
    }

    @Test
    void aFileNamedOtherThanItsIdIsRefused(@TempDir Path folder) throws IOException {
        copySchema(folder);
        Files.copy(SHIPPED.resolve("x.json"), folder.resolve("twitter.json"));
        assertThatThrownBy(() -> new SocialNetworks(folder, JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("twitter.json")
                .hasMessageContaining("'x'");
    }

    @Test
    void aFileThatIsNotJsonIsNamed(@TempDir Path folder) throws IOException {
        copySchema(folder);
        Files.writeString(folder.resolve("bluesky.json"), "{ \"network\": \"bluesky\", ");
        assertThatThrownBy(() -> new SocialNetworks(folder, JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bluesky.json");
    }

    @Test
    void aMissingFolderIsNamed() {
        assertThatThrownBy(() -> new SocialNetworks(Path.of("no-such-folder"), JSON))
                .hasMessageContaining("no-such-folder");
    }

    private static void copySchema(Path folder) throws IOException {
        Files.copy(SHIPPED.resolve(SocialNetworks.SCHEMA_FILE), folder.resolve(SocialNetworks.SCHEMA_FILE));
    }
}
