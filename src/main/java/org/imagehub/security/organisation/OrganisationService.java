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
import org.imagehub.platform.Json;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.idempotency.IdempotencyStore;
import org.imagehub.platform.idempotency.IdempotentCreate;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;
import org.imagehub.security.events.OrganisationChanged;
import org.imagehub.security.events.SecurityChanges;

/** The organisation directory: who owns content, and which organisations are central. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrganisationService {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final SecurityChanges changes;
    private final IdempotencyStore idempotency;
    private final Json json;
    private final Clock clock;

    public OrganisationService(SecurityChanges changes, IdempotencyStore idempotency, Json json, Clock clock) {
        this.changes = changes;
        this.idempotency = idempotency;
        this.json = json;
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

    /** The answer to a save (replayed for a retry with the same Idempotency-Key), and the ETag of the version written. */
    public record Saved(IdempotentCreate answer, String etag) {
    }

    /** Registers the organisation (201) or replaces its attributes (200, needs If-Match). Honours Idempotency-Key. */
    @Transactional
    public Saved save(String code, OrganisationInput input, String ifMatch, String idempotencyKey, Actor editor) {
        OrganisationView[] written = new OrganisationView[1];
        IdempotentCreate answer = idempotency.execute("organisation:" + editor.userId(), idempotencyKey,
                json.write(new Object[] {code, input, ifMatch}), () -> {
                    written[0] = write(code, input, ifMatch, editor);
                    return new IdempotentCreate(written[0].version() == 1 ? 201 : 200, null, json.write(written[0]), false);
                });
        // A replay writes nothing, so it names no version (Created.response sends no ETag then).
        return new Saved(answer, written[0] == null ? null : EntityTags.of(written[0].version()));
    }

    private OrganisationView write(String code, OrganisationInput input, String ifMatch, Actor editor) {
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
        changes.record(editor, new AuditLog.Write(created ? "organisation.created" : "organisation.updated", "organisation", code,
                organisation.version, Map.of("kind", organisation.kind, "central", organisation.central)),
                new OrganisationChanged(SecurityChanges.meta(editor, now), code, created ? "created" : "updated"));
        return OrganisationView.of(organisation);
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
