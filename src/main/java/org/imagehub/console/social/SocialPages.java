package org.imagehub.console.social;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imagehub.console.ConsoleForms;
import org.imagehub.console.ConsolePage;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.Roles;
import org.imagehub.social.calendar.CalendarView;
import org.imagehub.social.calendar.SocialCalendar;
import org.imagehub.social.post.PostInput;
import org.imagehub.social.post.PostView;
import org.imagehub.social.post.SocialPosts;

/**
 * Social-media work: the calendar (week or month, clashes marked), one post variant with a live length counter that
 * counts exactly as the server does (the server composes and counts it), editing and approval.
 */
@Path("/console/social")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class SocialPages {
    private final SocialCalendar calendar;
    private final SocialPosts posts;
    private final ConsolePage page;
    private final Template calendarPage;
    private final Template postPage;
    private final Template counter;

    public SocialPages(SocialCalendar calendar, SocialPosts posts, ConsolePage page, @Location("console/social.html") Template calendarPage,
            @Location("console/social-post.html") Template postPage, @Location("console/social-counter.html") Template counter) {
        this.calendar = calendar;
        this.posts = posts;
        this.page = page;
        this.calendarPage = calendarPage;
        this.postPage = postPage;
        this.counter = counter;
    }

    /** One day of the calendar and the posts scheduled on it (in the person's time zone). */
    public record Day(LocalDate date, boolean today, List<CalendarView.Entry> entries) {
    }

    @GET
    public TemplateInstance calendar(@QueryParam("view") String view, @QueryParam("start") String start) {
        boolean month = "month".equals(view);
        ZoneId zone = page.locale().zone();
        LocalDate today = LocalDate.now(zone);
        LocalDate anchor = today;
        try {
            anchor = start == null || start.isBlank() ? today : LocalDate.parse(start);
        } catch (DateTimeParseException e) {
            anchor = today;
        }
        LocalDate first = month ? anchor.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month ? anchor.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)) : first.plusDays(6);
        CalendarView entries = calendar.calendar(page.actor(), new SocialCalendar.Window(first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(), null, null, null));
        List<Day> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate date = day;
            days.add(new Day(date, date.equals(today), entries.items().stream()
                    .filter(entry -> entry.scheduledAt() != null && entry.scheduledAt().atZone(zone).toLocalDate().equals(date)).toList()));
        }
        LocalDate previous = month ? anchor.minusMonths(1) : anchor.minusWeeks(1);
        LocalDate next = month ? anchor.plusMonths(1) : anchor.plusWeeks(1);
        return page.of(calendarPage, "social").data("days", days).data("view", month ? "month" : "week").data("clashes", entries.clashes())
                .data("previous", previous.toString()).data("next", next.toString())
                .data("unscheduled", posts.list(page.actor(), null, null, "draft", 50));
    }

    @GET
    @Path("posts/{id}")
    public TemplateInstance post(@PathParam("id") String id) {
        return postPage(posts.get(id, page.actor()), null, null);
    }

    /** The live counter: the text as it would go out and its length as the network counts it. */
    @POST
    @Path("posts/{id}/count")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance count(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, String> values = ConsoleForms.values(form);
        return counter.data("preview", posts.preview(id, values.get("text"), ConsoleForms.list(values, "hashtags"), page.actor()));
    }

    @POST
    @Path("posts/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") String id, MultivaluedMap<String, String> form, @HeaderParam("HX-Request") String htmx) {
        Map<String, String> values = ConsoleForms.values(form);
        PostView current = posts.get(id, page.actor());
        PostInput input = new PostInput(null, current.lang(), null, values.get("text"), ConsoleForms.list(values, "hashtags"),
                current.media() == null ? null : current.media().stream().map(media -> media.assetId()).toList(),
                current.link() == null ? null : current.link().mode(), current.keyMessages(), ConsoleForms.text(values, "scheduledAt"));
        try {
            posts.update(id, input, EntityTags.of(ConsoleForms.version(values)), page.actor());
            return ConsoleForms.redirect("/console/social/posts/" + id + "?saved=1", htmx);
        } catch (DomainException problem) {
            return Response.ok(postPage(current, problem.getMessage(), values)).build();
        }
    }

    @POST
    @Path("posts/{id}/approve")
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    public Response approve(@PathParam("id") String id, MultivaluedMap<String, String> form, @HeaderParam("HX-Request") String htmx) {
        try {
            posts.approve(id, EntityTags.of(ConsoleForms.version(ConsoleForms.values(form))), page.actor());
            return ConsoleForms.redirect("/console/social/posts/" + id, htmx);
        } catch (DomainException problem) {
            return Response.ok(postPage(posts.get(id, page.actor()), problem.getMessage(), null)).build();
        }
    }

    private TemplateInstance postPage(PostView post, String problem, Map<String, String> typed) {
        return page.of(postPage, "social").data("post", post).data("problem", problem)
                .data("version", typed == null ? post.version() : ConsoleForms.version(typed))
                .data("text", typed == null ? post.text() : typed.getOrDefault("text", post.text()))
                .data("hashtags", typed == null ? String.join(", ", post.hashtags() == null ? List.of() : post.hashtags()) : typed.getOrDefault("hashtags", ""))
                .data("scheduled", post.scheduledAt() == null ? "" : post.scheduledAt().atZone(java.time.ZoneId.of(post.timeZone()))
                        .toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
    }
}
