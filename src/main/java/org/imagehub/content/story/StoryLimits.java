package org.imagehub.content.story;

/** The explicit size limits of a story; each breach is reported against its field. */
final class StoryLimits {
    static final int LOCALIZATIONS = 60;
    static final int TITLE = 200;
    static final int REASON = 2_000;
    static final int SUMMARY = 1_000;
    static final int BODY = 200_000;
    static final int SEO_TITLE = 120;
    static final int SEO_DESCRIPTION = 320;
    static final int TOPICS = 20;
    static final int COUNTRIES = 60;
    static final int TAGS = 30;
    static final int TAG = 60;
    static final int KEY_MESSAGES = 20;
    static final int RIGHTS_TEXT = 300;
    static final int LICENCE = 100;
    static final int EXTERNAL_ID = 200;
    static final int ORGANISATION = 80;

    private StoryLimits() {
    }
}
