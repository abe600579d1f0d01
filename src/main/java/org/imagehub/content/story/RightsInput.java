package org.imagehub.content.story;

/** Who to credit, where it comes from, and under which licence partners may reuse it. */
public record RightsInput(String credit, String source, String licence) {
}
