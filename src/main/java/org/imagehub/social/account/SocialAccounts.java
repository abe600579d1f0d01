package org.imagehub.social.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.ConflictException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.idempotency.IdempotencyStore;
import org.imagehub.platform.idempotency.IdempotentCreate;
import org.imagehub.platform.ids.Ids;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.security.Actor;
import org.imagehub.security.consumer.ConsumerService;
import org.imagehub.security.consumer.ConsumerView;
import org.imagehub.security.consumer.Scopes;
import org.imagehub.security.organisation.OrganisationService;
import org.imagehub.social.SocialPermissions;
import org.imagehub.social.events.SocialAccountChanged;
import org.imagehub.social.events.SocialChanges;
import org.imagehub.social.network.SocialNetworks;

/** The social accounts: managed by admins and by approvers of the owning organisation, read by its editors. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SocialAccounts {
    private static final int MAX_LANGUAGES = 10;

    private final SocialNetworks networks;
    private final OrganisationService organisations;
    private final ConsumerService consumers;
    private final SocialChanges changes;
    private final IdempotencyStore idempotency;
    private final Json json;
    private final Clock clock;

    public SocialAccounts(SocialNetworks networks, OrganisationService organisations, ConsumerService consumers, SocialChanges changes,
            IdempotencyStore idempotency, Json json, Clock clock) {
        this.networks = networks;
        this.organisations = organisations;
        this.consumers = consumers;
        this.changes = changes;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    /** The accounts the caller's organisation owns (every account for admins and central approvers). */
    public List<AccountView> list(Actor actor, String network) {
        return SocialAccount.<SocialAccount>listAll(io.quarkus.panache.common.Sort.by("network").and("handle")).stream()
                .filter(account -> SocialPermissions.mayEdit(actor, account.organisation))
                .filter(account -> network == null || account.network.equals(network))
                .map(AccountView::of).toList();
    }

    public AccountView get(String id, Actor actor) {
        SocialAccount account = find(id);
        SocialPermissions.requireEditor(actor, account.organisation);
        return AccountView.of(account);
    }

    /** The account itself, for the post workflow (no permission check: the caller checks). */
    public Optional<SocialAccount> byId(String id) {
        return Optional.ofNullable(SocialAccount.findById(id));
    }

    @Transactional
    public IdempotentCreate create(AccountInput input, Actor actor, String idempotencyKey) {
        return idempotency.execute("social-account:" + actor.userId(), idempotencyKey, json.write(input), () -> {
            String organisation = input.organisation() == null || input.organisation().isBlank() ? actor.organisation() : input.organisation();
            SocialPermissions.requireApprover(actor, organisation);
            SocialAccount account = new SocialAccount();
            account.id = Ids.newId();
            account.createdAt = Instant.now(clock);
            account.version = 1;
            apply(account, input, organisation, actor);
            requireUnique(account);
            account.persist();
            changes.record(actor, new SocialAccountChanged(SocialChanges.meta(actor, account.createdAt), account.id, account.network,
                    account.organisation, "created"), account.version, Map.of());
            return new IdempotentCreate(201, "/api/v1/manage/social/accounts/" + account.id, json.write(AccountView.of(account)), false);
        });
    }

    @Transactional
    public AccountView update(String id, AccountInput input, String ifMatch, Actor actor) {
        SocialAccount account = SocialAccount.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new NotFoundException("No social account '" + id + "'.");
        }
        SocialPermissions.requireApprover(actor, account.organisation);
        EntityTags.requireMatch(ifMatch, account.version);
        String organisation = input.organisation() == null || input.organisation().isBlank() ? account.organisation : input.organisation();
        if (!organisation.equals(account.organisation)) {
            SocialPermissions.requireApprover(actor, organisation);
        }
        apply(account, input, organisation, actor);
        requireUnique(account);
        account.version++;
        changes.record(actor, new SocialAccountChanged(SocialChanges.meta(actor, account.updatedAt), account.id, account.network,
                account.organisation, "updated"), account.version, Map.of());
        return AccountView.of(account);
    }

    private SocialAccount find(String id) {
        SocialAccount account = SocialAccount.findById(id);
        if (account == null) {
            throw new NotFoundException("No social account '" + id + "'.");
        }
        return account;
    }

    private void apply(SocialAccount account, AccountInput input, String organisation, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (account.network != null && !account.network.equals(input.network())) {
            // Its posts were checked against this network's rules.
            errors.add(new FieldError("network", "immutable", "an account stays on its network: add another account"));
        } else if (input.network() == null || networks.find(input.network()).isEmpty()) {
            errors.add(new FieldError("network", input.network() == null ? "required" : "unknown-network",
                    "one of " + networks.all().stream().map(rules -> rules.network()).toList()));
        }
        String handle = input.handle() == null ? "" : input.handle().strip();
        if (handle.isEmpty() || handle.length() > 100 || handle.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            errors.add(new FieldError("handle", "invalid", "1 to 100 characters, no spaces"));
        }
        if (input.displayName() != null && input.displayName().length() > 200) {
            errors.add(new FieldError("displayName", "too-long", "at most 200 characters"));
        }
        if (!organisation.equals(account.organisation) && !organisations.exists(organisation)) {
            errors.add(new FieldError("organisation", "unknown-organisation", "no organisation '" + organisation + "'"));
        }
        Set<String> languages = new LinkedHashSet<>();
        if (input.languages() == null || input.languages().isEmpty() || input.languages().size() > MAX_LANGUAGES) {
            errors.add(new FieldError("languages", "required", "1 to " + MAX_LANGUAGES + " BCP 47 tags"));
        } else {
            for (int i = 0; i < input.languages().size(); i++) {
                try {
                    languages.add(LanguageTags.canonical(input.languages().get(i), "languages[" + i + "]"));
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
            }
        }
        if (input.timeZone() == null || !ZoneId.getAvailableZoneIds().contains(input.timeZone())) {
            errors.add(new FieldError("timeZone", "unknown-time-zone", "an IANA time zone such as Europe/Paris"));
        }
        String scheduler = input.schedulerConsumer() == null || input.schedulerConsumer().isBlank() ? null : input.schedulerConsumer();
        if (scheduler != null && !scheduler.equals(account.schedulerConsumer)) {
            schedulerProblem(scheduler, organisation, actor).ifPresent(errors::add);
        }
        String template = input.storyUrlTemplate() == null || input.storyUrlTemplate().isBlank() ? null : input.storyUrlTemplate().strip();
        if (!java.util.Objects.equals(template, account.storyUrlTemplate) && !actor.isAdmin()) {
            // The hub's short links redirect there: only an admin decides which sites the hub's own domain leads to.
            errors.add(new FieldError("storyUrlTemplate", "admin-only", "only an admin sets or changes an account's site address"));
        } else if (template != null && !validTemplate(template)) {
            errors.add(new FieldError("storyUrlTemplate", "invalid-template",
                    "an https address of at most 500 characters with {slug} or {id}, such as https://example.org/{lang}/news/{slug}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The social account has invalid fields.", errors);
        }
        account.network = input.network();
        account.handle = handle;
        account.displayName = input.displayName();
        account.organisation = organisation;
        account.languages = new ArrayList<>(languages);
        account.timeZone = input.timeZone();
        account.schedulerConsumer = scheduler;
        account.storyUrlTemplate = template;
        // Absent: active for a new account, unchanged for an existing one.
        account.active = input.active() != null ? input.active() : account.updatedAt == null || account.active;
        account.updatedAt = Instant.now(clock);
    }

    /**
     * The scheduler must be an active consumer with scope social:schedule and, unless an admin assigns it, of the
     * account's organisation. One answer for every failure, so that the check reveals nothing of other consumers.
     */
    private Optional<FieldError> schedulerProblem(String consumerId, String organisation, Actor actor) {
        try {
            ConsumerView consumer = consumers.get(consumerId);
            if (consumer.active() && consumer.scopes().contains(Scopes.SOCIAL_SCHEDULE)
                    && (actor.isAdmin() || organisation.equals(consumer.organisation()))) {
                return Optional.empty();
            }
        } catch (NotFoundException e) {
            // the same answer below
        }
        return Optional.of(new FieldError("schedulerConsumer", "invalid-scheduler",
                "an active consumer of this organisation with scope " + Scopes.SOCIAL_SCHEDULE + " (admins may choose any)"));
    }

    /** Builds the address of a story on the account's site; the template was checked to be https. */
    public static String storyUrl(String template, String lang, String slug, String storyId) {
        return template.replace("{lang}", encode(lang)).replace("{slug}", encode(slug == null ? storyId : slug)).replace("{id}", encode(storyId));
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static boolean validTemplate(String template) {
        if (template.length() > 500 || !(template.contains("{slug}") || template.contains("{id}"))) {
            return false;
        }
        try {
            URI uri = new URI(storyUrl(template, "vi", "sample-slug", "sampleid"));
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void requireUnique(SocialAccount account) {
        long same = SocialAccount.count("network = ?1 and handle = ?2 and id <> ?3", account.network, account.handle, account.id);
        if (same > 0) {
            throw new ConflictException("Account " + account.handle + " on " + account.network + " exists already.",
                    List.of(new FieldError("handle", "duplicate", "already registered on this network")));
        }
    }
}
