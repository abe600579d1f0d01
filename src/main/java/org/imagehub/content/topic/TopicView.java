package org.imagehub.content.topic;

import java.util.Map;

/** A topic as the API shows it: its code, labels per language, IPTC Media Topic and the version its ETag names. */
public record TopicView(String code, Map<String, String> labels, String iptcMediaTopic, long version) {
}
