package org.imagehub.delivery.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.imagehub.content.model.ContentModel;
import org.imagehub.delivery.read.ListFilter;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;

/**
 * Checks list filter values without a database round trip: types against the content model, countries against
 * ISO 3166; topic and key message codes by shape (an unknown code simply matches nothing).
 */
@ApplicationScoped
public class ListFilters {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final ContentModel contentModel;

    public ListFilters(ContentModel contentModel) {
        this.contentModel = contentModel;
    }

    public ListFilter valid(String type, String topic, String country, String keyMessage, Instant updatedSince) {
        List<FieldError> errors = new ArrayList<>();
        if (type != null && contentModel.type(type).isEmpty()) {
            errors.add(new FieldError("query.type", "unknown-type", "a type of GET /api/v1/content-model"));
        }
        if (topic != null && !CODE.matcher(topic).matches()) {
            errors.add(new FieldError("query.topic", "invalid", "a topic code such as diplomacy"));
        }
        String countryCode = country == null ? null : country.toUpperCase(Locale.ROOT);
        if (countryCode != null && !COUNTRIES.contains(countryCode)) {
            errors.add(new FieldError("query.country", "invalid", "an ISO 3166-1 alpha-2 code such as FR"));
        }
        if (keyMessage != null && !CODE.matcher(keyMessage).matches()) {
            errors.add(new FieldError("query.keyMessage", "invalid", "a key message code"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() + " invalid filter(s).", errors);
        }
        return new ListFilter(type, topic, countryCode, keyMessage, updatedSince);
    }
}
