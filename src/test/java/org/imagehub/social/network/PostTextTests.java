package org.imagehub.social.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lengths as each network counts them, post texts that fit, and one violation per rule. */
class PostTextTests {
    private static final SocialNetworks NETWORKS = new SocialNetworks(Path.of("social-networks"), new ObjectMapper());
    /** The sample texts of /work/shared/corpus, read in place (the project keeps no copy). */
    private static final Path CORPUS = Path.of("../shared/corpus");

    private static final String LINK = "https://example.vn/tin-tuc/viet-nam-phap";
    private static final List<String> TAGS = List.of("VietNam", "Việt Nam", "越南");

    // Short excerpts of the corpus, so the fitting tests run even where the corpus is not laid out.
    private static final String VI_TITLE = "Tạo chuyển biến căn bản trong tư duy về công tác thông tin đối ngoại";
    private static final String VI_SUMMARY = ("Ngày 15/4/2024, Chính phủ đã ban hành Nghị quyết số 47/NQ-CP ban hành Chương trình "
            + "hành động của Chính phủ đến năm 2030 thực hiện Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị về tiếp "
            + "tục nâng cao chất lượng, hiệu quả công tác thông tin đối ngoại trong tình hình mới. ").repeat(12);
    private static final String ZH_TITLE = "政府决议：在新形势下不断提高对外信息工作质效";
    private static final String ZH_SUMMARY = ("该计划要求在新形势下对外信息工作的任务和措施坚持创新创意，将网络空间作为传播对外信息的新空间，"
            + "其中利用科技和数字化转型，革新对外信息方式，实现效率突破。").repeat(30);
    // No spaces and no punctuation: only ICU's line rules can find where to cut.
    private static final String ZH_UNBROKEN = "越南政府发布关于至二零三零年落实对外信息工作的政府行动计划".repeat(60);
    private static final String EMOJI_TITLE = "🇻🇳🤝🇫🇷 Việt Nam – Pháp 👨‍👩‍👧";
    private static final String EMOJI_SUMMARY = "Hợp tác 🌏 văn hoá 🎭 giáo dục 🎓 e\u0323\u0302 khoa học 🔬 👍🏽 ".repeat(150);

    // --- Counting ---

    @Test
    void xWeighsVietnameseWithItsUrlAsTwitterTextDoes() {
        // "Việt Nam và Pháp tăng cường hợp tác" is 35 characters. ă, à, á, ư (below U+1100) weigh 1, but
        // ệ (U+1EC7), ờ (U+1EDD) and ợ (U+1EE3) lie in Latin Extended Additional, outside X's weight-1 ranges:
        // 32 × 1 + 3 × 2 = 38. Then the space (1) and the URL, which always weighs 23: 38 + 1 + 23 = 62.
        String text = "Việt Nam và Pháp tăng cường hợp tác https://example.vn/tin-tuc/viet-nam-phap";
        assertThat(TextLength.count(text, LengthCounting.TWITTER)).isEqualTo(62);
        assertThat(TextLength.count("Việt Nam và Pháp tăng cường hợp tác", LengthCounting.TWITTER)).isEqualTo(38);
        // The same text is 76 UTF-16 units: the URL's 40 characters count in full there.
        assertThat(TextLength.count(text, LengthCounting.UTF16)).isEqualTo(76);
    }

    @Test
    void xWeighsChineseTwoACharacter() {
        // 9 CJK ideographs × 2 = 18.
        assertThat(TextLength.count("越南与法国加强合作", LengthCounting.TWITTER)).isEqualTo(18);
        assertThat(TextLength.count("越南与法国加强合作", LengthCounting.CODEPOINTS)).isEqualTo(9);
        // YouTube counts bytes: 3 UTF-8 bytes an ideograph.
        assertThat(TextLength.count("越南与法国加强合作", LengthCounting.UTF8_BYTES)).isEqualTo(27);
    }

    @Test
    void xWeighsAnEmojiSequenceAsOneEmoji() {
        // twitter-text weighs a whole emoji sequence 2: family 2 + space 1 + flag 2.
        assertThat(TextLength.count("👨‍👩‍👧 🇻🇳", LengthCounting.TWITTER)).isEqualTo(5);
    }

    @Test
    void blueskyCountsWhatAReaderSees() {
        String family = "👨‍👩‍👧"; // man ZWJ woman ZWJ girl: 5 code points, 8 UTF-16 units
        String flag = "🇻🇳"; // two regional indicators
        String decomposed = "e\u0323\u0302"; // ệ as e + dot below + circumflex
        assertThat(TextLength.count(family, LengthCounting.GRAPHEMES)).isEqualTo(1);
        assertThat(TextLength.count(flag, LengthCounting.GRAPHEMES)).isEqualTo(1);
        assertThat(TextLength.count(decomposed, LengthCounting.GRAPHEMES)).isEqualTo(1);
        assertThat(TextLength.count(family + flag + decomposed, LengthCounting.GRAPHEMES)).isEqualTo(3);

        assertThat(TextLength.count(family, LengthCounting.UTF16)).isEqualTo(8);
        assertThat(TextLength.count(family, LengthCounting.CODEPOINTS)).isEqualTo(5);
        assertThat(TextLength.count(flag, LengthCounting.UTF16)).isEqualTo(4);
        assertThat(TextLength.count(decomposed, LengthCounting.CODEPOINTS)).isEqualTo(3);
    }

    // --- Composing ---

    @Test
    void composeWritesTheLinkOnlyWhereTheNetworkTakesItInTheText() {
        assertThat(PostText.compose("Việt Nam và Pháp", TAGS, LINK, rules("x")))
                .isEqualTo("Việt Nam và Pháp\n\n" + LINK + "\n\n#VietNam #ViệtNam #越南");
        // Instagram: links are not clickable, so left out; Facebook: the link goes beside as a preview.
        assertThat(PostText.compose("Việt Nam và Pháp", TAGS, LINK, rules("instagram")))
                .isEqualTo("Việt Nam và Pháp\n\n#VietNam #ViệtNam #越南");
        assertThat(PostText.compose("Việt Nam và Pháp", List.of("#VietNam"), LINK, rules("facebook")))
                .isEqualTo("Việt Nam và Pháp\n\n#VietNam");
    }

    @Test
    void composeKeepsOnlyTheHashtagsTheNetworkAllows() {
        // Threads takes a single topic tag.
        assertThat(PostText.compose("Tin mới", TAGS, null, rules("threads"))).isEqualTo("Tin mới\n\n#VietNam");
    }

    @Test
    void aTextThatFitsIsLeftWhole() {
        assertThat(PostText.trimToFit("Việt Nam và Pháp", "tăng cường hợp tác", LINK, TAGS, rules("x"), false))
                .isEqualTo("Việt Nam và Pháp\n\ntăng cường hợp tác");
    }

    // --- Fitting every network ---

    static Stream<Arguments> samples() {
        List<Arguments> samples = new ArrayList<>();
        for (NetworkRules rules : NETWORKS.all()) {
            for (boolean withMedia : List.of(false, true)) {
                samples.add(Arguments.of(rules.network(), "vi", VI_TITLE, VI_SUMMARY, withMedia));
                samples.add(Arguments.of(rules.network(), "zh", ZH_TITLE, ZH_SUMMARY, withMedia));
                samples.add(Arguments.of(rules.network(), "zh-unbroken", ZH_TITLE, ZH_UNBROKEN, withMedia));
                samples.add(Arguments.of(rules.network(), "emoji", EMOJI_TITLE, EMOJI_SUMMARY, withMedia));
            }
        }
        return samples.stream();
    }

    @ParameterizedTest(name = "{0} {1} media={4}")
    @MethodSource("samples")
    void trimToFitFitsEveryNetwork(String network, String language, String title, String summary, boolean withMedia) {
        assertFitsAtAWordBoundary(rules(network), title, summary, withMedia);
    }

    @Test
    void theCorpusArticlesFitEveryNetwork() throws IOException {
        assumeThat(Files.isDirectory(CORPUS)).as("corpus at %s", CORPUS.toAbsolutePath()).isTrue();
        List<String> files = List.of("vi-resolution-47-qa.txt", "zh-resolution-47-vna.txt",
                "zh-31st-diplomatic-conference-vna.txt", "fr-resolution-47-cpv.txt", "uk-steering-committee-2025.txt");
        for (String file : files) {
            List<String> paragraphs = Files.readAllLines(CORPUS.resolve(file)).stream()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            String title = paragraphs.get(0);
            String summary = String.join("\n", paragraphs.subList(1, paragraphs.size()));
            for (NetworkRules rules : NETWORKS.all()) {
                assertFitsAtAWordBoundary(rules, title, summary, false);
                assertFitsAtAWordBoundary(rules, title, summary, true);
            }
        }
    }

    @Test
    void chineseWithoutSpacesIsCutBetweenCharactersCloseToTheLimit() {
        NetworkRules x = rules("x");
        String text = PostText.trimToFit(ZH_TITLE, ZH_UNBROKEN, LINK, List.of(), x, false);
        int counted = TextLength.count(PostText.compose(text, List.of(), LINK, x), LengthCounting.TWITTER);
        // Ideographs weigh 2 and "…" weighs 2, so at most one ideograph's room (2) is left unused.
        assertThat(counted).isBetween(279, 280);
        assertThat(text).endsWith("…");
    }

    @Test
    void whenOnlyTheLinkAndHashtagsWouldFitTheTextIsEmpty() {
        List<String> manyTags = Collections.nCopies(10, "HợpTácViệtNamPhápNămHaiNghìnKhôngTrămHaiMươiTư");
        assertThat(PostText.trimToFit(VI_TITLE, VI_SUMMARY, LINK, manyTags, rules("x"), false)).isEmpty();
    }

    private static void assertFitsAtAWordBoundary(NetworkRules rules, String title, String summary, boolean withMedia) {
        String text = PostText.trimToFit(title, summary, LINK, TAGS, rules, withMedia);
        String posted = PostText.compose(text, TAGS, LINK, rules);
        int limit = rules.text().maxLength(withMedia);
        assertThat(TextLength.count(posted, rules.text().counting()))
                .as("%s, media=%s: %s", rules.network(), withMedia, text)
                .isLessThanOrEqualTo(limit);
        assertThat(text).isNotEmpty();

        String draft = title.strip() + "\n\n" + summary.strip();
        if (!text.endsWith(PostText.ELLIPSIS)) {
            assertThat(text).isEqualTo(draft);
            return;
        }
        String kept = text.substring(0, text.length() - PostText.ELLIPSIS.length());
        assertThat(draft).startsWith(kept);
        int end = kept.length();
        BreakIterator characters = BreakIterator.getCharacterInstance(ULocale.ROOT);
        characters.setText(draft);
        assertThat(characters.isBoundary(end)).as("%s cut inside a grapheme: %s", rules.network(), kept).isTrue();
        // The cut dropped the spaces before the next word; past them must be a place where a line may break.
        while (end < draft.length() && Character.isWhitespace(draft.charAt(end))) {
            end++;
        }
        BreakIterator lines = BreakIterator.getLineInstance(ULocale.ROOT);
        lines.setText(draft);
        assertThat(lines.isBoundary(end)).as("%s cut inside a word: %s", rules.network(), kept).isTrue();
    }

    // --- Checking ---

    @Test
    void aTextTooLongIsReportedWithBothFigures() {
        String text = "Việt Nam và Pháp tăng cường hợp tác ".repeat(8); // 8 × (38 + 1) = 312, less the last space
        List<RuleViolation> violations = PostRules.check(rules("x"), PostDraft.of(text.strip(), List.of()));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("x.text.too-long");
            assertThat(v.field()).isEqualTo("text");
            assertThat(v.counted()).isEqualTo(311L);
            assertThat(v.allowed()).isEqualTo(280L);
        });
    }

    @Test
    void aCaptionHasTheShorterLimitWhenMediaIsAttached() {
        String text = "a".repeat(1025);
        assertThat(PostRules.check(rules("telegram"), PostDraft.of(text, List.of()))).isEmpty();
        assertThat(PostRules.check(rules("telegram"), PostDraft.of(text, List.of(jpeg(1280, 720, 200_000)))))
                .singleElement().satisfies(v -> {
                    assertThat(v.code()).isEqualTo("telegram.text.too-long");
                    assertThat(v.counted()).isEqualTo(1025L);
                    assertThat(v.allowed()).isEqualTo(1024L);
                });
    }

    @Test
    void instagramNeedsMedia() {
        assertThat(PostRules.check(rules("instagram"), PostDraft.of("Việt Nam", List.of())))
                .singleElement().satisfies(v -> {
                    assertThat(v.code()).isEqualTo("instagram.media.required");
                    assertThat(v.field()).isEqualTo("media");
                });
    }

    @Test
    void tooManyMediaItems() {
        List<MediaItem> five = Collections.nCopies(5, jpeg(1600, 900, 300_000));
        assertThat(PostRules.check(rules("x"), PostDraft.of("Ảnh", five)))
                .singleElement().satisfies(v -> {
                    assertThat(v.code()).isEqualTo("x.media.too-many");
                    assertThat(v.field()).isEqualTo("media");
                    assertThat(v.counted()).isEqualTo(5L);
                    assertThat(v.allowed()).isEqualTo(4L);
                });
    }

    @Test
    void aMediaTypeTheNetworkDoesNotTake() {
        MediaItem tiff = new MediaItem("image/tiff", 1600, 900, 300_000);
        assertThat(PostRules.check(rules("x"), PostDraft.of("Ảnh", List.of(jpeg(1600, 900, 1), tiff))))
                .singleElement().satisfies(v -> {
                    assertThat(v.code()).isEqualTo("x.media.type-not-allowed");
                    assertThat(v.field()).isEqualTo("media[1]");
                });
    }

    @Test
    void aFileTooLarge() {
        assertThat(PostRules.check(rules("x"), PostDraft.of("Ảnh", List.of(jpeg(4000, 3000, 6_000_000)))))
                .singleElement().satisfies(v -> {
                    assertThat(v.code()).isEqualTo("x.media.too-large");
                    assertThat(v.field()).isEqualTo("media[0]");
                    assertThat(v.counted()).isEqualTo(6_000_000L);
                    assertThat(v.allowed()).isEqualTo(5_242_880L);
                });
        // Sizes beyond 2 GB are within YouTube's limit and still counted exactly.
        MediaItem bigVideo = new MediaItem("video/mp4", 3840, 2160, 300L * 1024 * 1024 * 1024);
        assertThat(PostRules.check(rules("youtube"), PostDraft.of("Phim", List.of(bigVideo))))
                .extracting(RuleViolation::code, RuleViolation::counted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("youtube.media.too-large", 322_122_547_200L));
    }

    @Test
    void anImageOutsideInstagramsAspectRatios() {
        // 9:16 is 0.5625, below Instagram's 4:5 (0.8); 1080 × 566 is the usual 1.91:1 and passes.
        assertThat(PostRules.check(rules("instagram"), PostDraft.of("Ảnh", List.of(jpeg(1080, 566, 500_000)))))
                .isEmpty();
        assertThat(PostRules.check(rules("instagram"), PostDraft.of("Ảnh", List.of(jpeg(1080, 1920, 500_000)))))
                .singleElement().satisfies(v -> {
                    assertThat(v.code()).isEqualTo("instagram.media.aspect-ratio");
                    assertThat(v.field()).isEqualTo("media[0]");
                    assertThat(v.message()).contains("1080 × 1920");
                });
    }

    @Test
    void threadsTakesOneHashtag() {
        assertThat(PostRules.check(rules("threads"), PostDraft.of("Tin mới #VietNam #越南", List.of())))
                .singleElement().satisfies(v -> {
                    assertThat(v.code()).isEqualTo("threads.hashtags.too-many");
                    assertThat(v.field()).isEqualTo("hashtags");
                    assertThat(v.counted()).isEqualTo(2L);
                    assertThat(v.allowed()).isEqualTo(1L);
                });
    }

    @Test
    void tooManyMentions() {
        StringBuilder text = new StringBuilder("Cảm ơn");
        for (int i = 1; i <= 11; i++) {
            text.append(" @embassy").append(i);
        }
        assertThat(PostRules.check(rules("x"), PostDraft.of(text.toString(), List.of())))
                .singleElement().satisfies(v -> {
                    assertThat(v.code()).isEqualTo("x.mentions.too-many");
                    assertThat(v.counted()).isEqualTo(11L);
                    assertThat(v.allowed()).isEqualTo(10L);
                });
    }

    @Test
    void aComposedPostPassesEveryNetwork() {
        MediaItem image = jpeg(1080, 1080, 800_000);
        MediaItem video = new MediaItem("video/mp4", 1080, 1920, 50_000_000);
        for (NetworkRules rules : NETWORKS.all()) {
            MediaItem item = rules.media().types().contains("image/jpeg") ? image : video;
            String text = PostText.trimToFit(VI_TITLE, VI_SUMMARY, LINK, TAGS, rules, true);
            PostDraft post = PostDraft.of(PostText.compose(text, TAGS, LINK, rules), List.of(item));
            assertThat(PostRules.check(rules, post)).as(rules.network()).isEmpty();
        }
    }

    private static MediaItem jpeg(int width, int height, long bytes) {
        return new MediaItem("image/jpeg", width, height, bytes);
    }

    private static NetworkRules rules(String network) {
        return NETWORKS.find(network).orElseThrow();
    }
}
