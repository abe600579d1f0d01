package org.imagehub.content.keymessage;

import java.util.List;

/** For one active key message: the languages in which published content carries it, and those in which none does. */
public record KeyMessageCoverage(String code, List<String> languagesWithContent, List<String> languagesWithout, int publishedStories) {
}
