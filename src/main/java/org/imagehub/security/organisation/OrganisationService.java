package org.imagehub.security.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.Editor;
import org.imagehub.security.audit.AuditLog;

/** The organisation directory: who owns content, and which organisations are central. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrganisationService {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final AuditLog audit;
    private final Clock clock;

    public OrganisationService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public List<OrganisationView> all() {
        return Organisation.<Organisation>listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(OrganisationView::of).toList();
    }

    public boolean exists(String code) {
        return code != null && Organisation.count("code", code) > 0;
    }

    public boolean isCentral(String code) {
        if (code == null || code.isEmpty()) {
            return false;
        }
        Organisation organisation = Organisation.findById(code);
        return organisation != null && organisation.central;
    }

    /** The result of a save, and whether it created the organisation. */
    public record Saved(OrganisationView view, boolean created) {
    }

    /** Registers the organisation or replaces its attributes; a replacement needs If-Match. */
    @Transactional
    public Saved save(String code, OrganisationInput input, String ifMatch, Editor editor) {
        validate(code, input);
        Instant now = Instant.now(clock);
        Organisation organisation = Organisation.findById(code, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean created = organisation == null;
        if (created) {
            organisation = new Organisation();
            organisation.code = code;
            organisation.createdAt = now;
            organisation.version = 1;
        } else {
            EntityTags.requireMatch(ifMatch, organisation.version);
            organisation.version++;
        }
        organisation.name = input.name().strip();
        organisation.kind = input.kind();
        organisation.central = Boolean.TRUE.equals(input.central());
        organisation.updatedAt = now;
        if (created) {
            organisation.persist();
        }
        audit.record(editor, new AuditLog.Write(created ? "organisation.created" : "organisation.updated", "organisation", code,
                organisation.version, Map.of("kind", organisation.kind, "central", organisation.central)));
        return new Saved(OrganisationView.of(organisation), created);
    }

    private static void validate(String code, OrganisationInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (!CODE.matcher(code).matches()) {
            errors.add(new FieldError("path.code", "invalid", "lower-case letters, digits and hyphens, at most 63"));
        }
        if (input.name() == null || input.name().isBlank() || input.name().length() > 200) {
            errors.add(new FieldError("name", input.name() == null || input.name().isBlank() ? "required" : "too-long", "1 to 200 characters"));
        }
        if (!OrganisationKind.isKnown(input.kind())) {
            errors.add(new FieldError("kind", input.kind() == null ? "required" : "unknown",
                    "one of ministry, province, embassy, news-agency, partner-outlet"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() + " invalid field(s).", errors);
        }
    }
}
