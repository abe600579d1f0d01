package org.imagehub.content.story;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.imagehub.content.model.ContentModel;
import org.imagehub.content.model.ContentType;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.content.text.RichText;
import org.imagehub.content.text.Slugs;
import org.imagehub.content.text.TextChecks;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;

/**
 * Every rule a story must meet that needs no database: sizes, language tags, the content model's schemas,
 * sanitised rich text. All errors of a request are collected, each naming its field.
 */
@ApplicationScoped
public class StoryValidator {
    private static final Set<String> PRIORITIES = Set.of("normal", "breaking");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ContentModel contentModel;
    private final Json json;

    public StoryValidator(ContentModel contentModel, Json json) {
        this.contentModel = contentModel;
        this.json = json;
    }

    /** A new story with its first localizations. */
    public ValidStory validateNew(StoryInput input) {
        return validate(input, true);
    }

    /** The story-level attributes of an update; localizations are not part of it. */
    public ValidStory validateAttributes(StoryInput input) {
        if (input.localizations() != null) {
            throw ValidationException.of("localizations", "not-allowed",
                    "save localizations with PUT /api/v1/manage/stories/{id}/localizations/{lang}");
        }
        return validate(input, false);
    }

    /** One localization saved on its own; {@code pathLanguage} is the language named in the URL. */
    public ValidStory.ValidLocalization validateLocalization(LocalizationInput input, String type, String pathLanguage) {
        List<FieldError> errors = new ArrayList<>();
        ContentType contentType = contentModel.type(type).orElseThrow();
        ValidStory.ValidLocalization valid = localization(input, "", contentType, errors, pathLanguage);
        throwIfAny(errors);
        return valid;
    }

    private ValidStory validate(StoryInput input, boolean withLocalizations) {
        List<FieldError> errors = new ArrayList<>();
        TextChecks.check("externalId", input.externalId(), StoryLimits.EXTERNAL_ID, false, errors);
        TextChecks.check("organisation", input.organisation(), StoryLimits.ORGANISATION, false, errors);
        TextChecks.check("reason", input.reason(), StoryLimits.REASON, false, errors);
        ContentType type = null;
        if (input.type() == null || input.type().isBlank()) {
            errors.add(new FieldError("type", "required", "a content type is required"));
        } else {
            type = contentModel.type(input.type()).orElse(null);
            if (type == null) {
                errors.add(new FieldError("type", "unknown-type", "not a declared content type (see GET /api/v1/content-model)"));
            }
        }
        String priority = input.priority() == null ? "normal" : input.priority();
        if (!PRIORITIES.contains(priority)) {
            errors.add(new FieldError("priority", "invalid", "normal or breaking"));
        }
        List<String> topics = codes("topics", input.topics(), StoryLimits.TOPICS, errors);
        List<String> keyMessages = codes("keyMessages", input.keyMessages(), StoryLimits.KEY_MESSAGES, errors);
        List<String> countries = countries(input.countries(), errors);
        List<String> tags = tags(input.tags(), errors);
        RightsInput rights = input.rights() == null ? new RightsInput(null, null, null) : input.rights();
        TextChecks.check("rights.credit", rights.credit(), StoryLimits.RIGHTS_TEXT, false, errors);
        TextChecks.check("rights.source", rights.source(), StoryLimits.RIGHTS_TEXT, false, errors);
        TextChecks.check("rights.licence", rights.licence(), StoryLimits.LICENCE, false, errors);
        if (input.embargoUntil() != null && input.expiresAt() != null && !input.expiresAt().isAfter(input.embargoUntil())) {
            errors.add(new FieldError("expiresAt", "before-embargo", "must be after embargoUntil"));
        }
        if (type != null) {
            errors.addAll(contentModel.validate(type.storyFields(), input.fields(), "fields"));
        }
        List<ValidStory.ValidLocalization> localizations = new ArrayList<>();
        if (withLocalizations && input.localizations() != null) {
            if (input.localizations().size() > StoryLimits.LOCALIZATIONS) {
                // Said once for the list: validating thousands of entries would only bury the point.
                errors.add(new FieldError("localizations", "too-many",
                        "at most " + StoryLimits.LOCALIZATIONS + " localizations, got " + input.localizations().size()));
            } else if (type != null) {
                Set<String> languages = new HashSet<>();
                for (int i = 0; i < input.localizations().size(); i++) {
                    LocalizationInput localization = input.localizations().get(i);
                    String prefix = "localizations[" + i + "].";
                    if (localization == null) {
                        errors.add(new FieldError("localizations[" + i + "]", "required", "must be an object"));
                        continue;
                    }
                    ValidStory.ValidLocalization valid = localization(localization, prefix, type, errors, null);
                    if (valid != null) {
                        if (!languages.add(valid.lang())) {
                            errors.add(new FieldError(prefix + "lang", "duplicate", "language " + valid.lang() + " appears twice"));
                        }
                        localizations.add(valid);
                    }
                }
                for (int i = 0; i < localizations.size(); i++) {
                    String from = localizations.get(i).translatedFromLang();
                    if (from != null && !languages.contains(from)) {
                        errors.add(new FieldError("localizations[" + i + "].translatedFrom", "unknown-source",
                                "no localization in " + from + " in this story"));
                    }
                }
            }
        }
        throwIfAny(errors);
        return new ValidStory(blankToNull(input.externalId()), input.type(), blankToNull(input.organisation()), priority, topics, countries,
                tags, keyMessages, blankToNull(rights.credit()), blankToNull(rights.source()), blankToNull(rights.licence()),
                json.write(objectOrEmpty(input.fields())), input.embargoUntil(), input.expiresAt(), localizations,
                blankToNull(input.reason()) == null ? null : input.reason().strip());
    }

    private ValidStory.ValidLocalization localization(LocalizationInput input, String prefix, ContentType type, List<FieldError> errors,
            String pathLanguage) {
        int before = errors.size();
        String lang = null;
        try {
            lang = LanguageTags.canonical(input.lang() == null ? pathLanguage : input.lang(), prefix + "lang");
            if (pathLanguage != null && input.lang() != null && !lang.equals(LanguageTags.canonical(pathLanguage, "lang"))) {
                errors.add(new FieldError(prefix + "lang", "mismatch", "must equal the language in the path"));
            }
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        TextChecks.check(prefix + "title", input.title(), StoryLimits.TITLE, true, errors);
        TextChecks.check(prefix + "summary", input.summary(), StoryLimits.SUMMARY, false, errors);
        TextChecks.check(prefix + "body", input.body(), StoryLimits.BODY, false, errors);
        TextChecks.check(prefix + "seoTitle", input.seoTitle(), StoryLimits.SEO_TITLE, false, errors);
        TextChecks.check(prefix + "seoDescription", input.seoDescription(), StoryLimits.SEO_DESCRIPTION, false, errors);
        String slug = blankToNull(input.slug());
        if (slug != null && !Slugs.isValid(slug)) {
            errors.add(new FieldError(prefix + "slug", "invalid",
                    "lowercase letters and digits in words joined by single dashes, at most " + Slugs.MAX_LENGTH));
        }
        errors.addAll(contentModel.validate(type.localizationFields(), input.fields(), prefix + "fields"));
        String translatedFrom = null;
        Integer translatedRevision = null;
        if (input.translatedFrom() != null) {
            try {
                translatedFrom = LanguageTags.canonical(input.translatedFrom().lang(), prefix + "translatedFrom.lang");
                if (translatedFrom.equals(lang)) {
                    errors.add(new FieldError(prefix + "translatedFrom", "self", "a localization cannot be translated from itself"));
                }
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            translatedRevision = input.translatedFrom().revision();
            if (translatedRevision != null && translatedRevision < 1) {
                errors.add(new FieldError(prefix + "translatedFrom.revision", "invalid", "revisions are numbered from 1"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        String bodyHtml = RichText.sanitize(input.body());
        String title = input.title().strip();
        return new ValidStory.ValidLocalization(lang, LanguageTags.isRightToLeft(lang), slug, slug == null ? Slugs.fromTitle(title) : null, title,
                blankToNull(input.summary()), bodyHtml, RichText.toPlainText(bodyHtml), json.write(objectOrEmpty(input.fields())),
                blankToNull(input.seoTitle()), blankToNull(input.seoDescription()), translatedFrom, translatedRevision,
                input.translatedFrom() != null);
    }

    private static List<String> codes(String field, List<String> values, int max, List<FieldError> errors) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            errors.add(new FieldError(field, "too-many", "at most " + max));
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String code = values.get(i);
            if (code == null || !CODE.matcher(code).matches() || code.length() > 80) {
                errors.add(new FieldError(field + "[" + i + "]", "invalid", "a code of lowercase letters, digits and dashes"));
            } else {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }

    private static List<String> countries(List<String> values, List<FieldError> errors) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > StoryLimits.COUNTRIES) {
            errors.add(new FieldError("countries", "too-many", "at most " + StoryLimits.COUNTRIES));
            return List.of();
        }
        Set<String> countries = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String code = values.get(i) == null ? "" : values.get(i).toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(code)) {
                errors.add(new FieldError("countries[" + i + "]", "invalid", "an ISO 3166-1 alpha-2 country code such as VN"));
            } else {
                countries.add(code);
            }
        }
        return List.copyOf(countries);
    }

    private static List<String> tags(List<String> values, List<FieldError> errors) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > StoryLimits.TAGS) {
            errors.add(new FieldError("tags", "too-many", "at most " + StoryLimits.TAGS));
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String tag = values.get(i) == null ? "" : values.get(i).strip().toLowerCase(Locale.ROOT);
            int errorsBefore = errors.size();
            TextChecks.check("tags[" + i + "]", tag, StoryLimits.TAG, true, errors);
            if (errors.size() == errorsBefore) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    private JsonNode objectOrEmpty(JsonNode fields) {
        return fields == null || fields.isNull() ? json.read("{}") : fields;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " invalid fields.", errors);
        }
    }
}
