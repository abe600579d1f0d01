package org.imagehub.content.topic;

import java.util.Map;

/** A topic of the taxonomy: a stable code, labels per language, optionally its IPTC Media Topic. */
public record TopicInput(String code, Map<String, String> labels, String iptcMediaTopic) {
}
