package org.imagehub.console;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import org.imagehub.console.session.ConsoleSession;
import org.imagehub.security.Actor;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

/** What every console page shows besides its own content: who is signed in, the CSRF token, language and zone. */
@RequestScoped
public class ConsolePage {
    public record Me(String name, String organisation, boolean editor, boolean approver, boolean admin) {
    }

    private final CurrentActor currentActor;
    private final ConsoleLocale locale;
    private final RoutingContext context;

    public ConsolePage(CurrentActor currentActor, ConsoleLocale locale, RoutingContext context) {
        this.currentActor = currentActor;
        this.locale = locale;
        this.context = context;
    }

    public Actor actor() {
        return currentActor.get();
    }

    public TemplateInstance of(Template template, String section) {
        Actor actor = actor();
        Me me = new Me(actor.userId(), actor.organisation(), actor.has(Roles.EDITOR) || actor.has(Roles.APPROVER) || actor.isAdmin(),
                actor.has(Roles.APPROVER) || actor.isAdmin(), actor.isAdmin());
        return locale.apply(template.instance()).data("me", me).data("section", section)
                .data("csrf", context.get(ConsoleSession.CSRF_HEADER));
    }

    public ConsoleLocale locale() {
        return locale;
    }
}
