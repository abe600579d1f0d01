package org.imagehub.social.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a network does with a story's link. */
public enum LinkHandling {
    /** The link is written into the text and counts toward its length. */
    @JsonProperty("in-text") IN_TEXT,
    /** The link is sent beside the text (a preview card) and does not count. */
    @JsonProperty("attached") ATTACHED,
    /** Links are not clickable on the network, so the link is left out. */
    @JsonProperty("none") NONE
}
