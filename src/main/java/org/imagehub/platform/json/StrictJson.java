package org.imagehub.platform.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The rules every JSON input obeys, set once on the application's one ObjectMapper (request bodies, import lines,
 * stored documents): nothing may follow the value, nesting stops at {@link #MAX_NESTING_DEPTH} levels (a parser
 * walking thousands of levels is a denial of service, not a story), and no string may hold NUL, which PostgreSQL
 * refuses in text and jsonb.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    public static final int MAX_NESTING_DEPTH = 64;

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
        objectMapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        objectMapper.registerModule(new NoNulModule());
    }
}
