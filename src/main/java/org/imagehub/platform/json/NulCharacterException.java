package org.imagehub.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string (value or key) with the NUL character; Jackson adds the path to the field as it unwinds. */
public class NulCharacterException extends JsonMappingException {
    public NulCharacterException(JsonParser parser) {
        super(parser, "A string holds the NUL character (U+0000).");
    }
}
