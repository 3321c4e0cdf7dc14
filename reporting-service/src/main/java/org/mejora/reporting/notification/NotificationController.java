package org.mejora.reporting.notification;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.mejora.contract.InputRejected;
import org.mejora.contract.Page;
import org.mejora.contract.PageRequest;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.reporting.web.ReportProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The caller's own notifications (the app's list and unread badge) and preferences; the people directory that an
 * institution's ADMIN keeps; and the operator's run of the digest and outbox.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Notifications", description = "Recordatorios / reminders")
@Timed("mejora.reporting.http")
class NotificationController {

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Notifications notifications;
    private final People people;
    private final MailTexts texts;
    private final NotificationJobs jobs;
    private final Clock clock;

    NotificationController(Notifications notifications, People people, MailTexts texts, NotificationJobs jobs,
                           Clock clock) {
        this.notifications = notifications;
        this.people = people;
        this.texts = texts;
        this.jobs = jobs;
        this.clock = clock;
    }

    record NotificationView(long id, String kind, String subjectType, String subjectId, String planId,
                            String actionId, String evaluationId, LocalDate dueOn, int daysLeft, String text,
                            String link, Instant createdAt, boolean read) {
    }

    record Unread(long unread) {
    }

    record Preferences(String userId, String name, String email, String language, boolean digests,
                       boolean registered) {
    }

    record PreferencesRequest(@NotNull @Pattern(regexp = "es|en") String language, @NotNull Boolean digests) {
    }

    /** Checked after the caller's role, so that only an ADMIN learns what a valid person looks like. */
    record PersonRequest(String name, String email, String language, List<Role> roles) {

        void check() {
            if (name == null || name.isBlank() || name.length() > 200) {
                throw InputRejected.badRequest("name", "notification.person.name");
            }
            if (email != null && !email.isBlank() && (email.length() > 320 || !EMAIL.matcher(email.trim()).matches())) {
                throw InputRejected.badRequest("email", "notification.person.email", email);
            }
            if (language != null && !language.equals("es") && !language.equals("en")) {
                throw InputRejected.badRequest("language", "notification.language", language);
            }
        }
    }

    @GetMapping("/notifications")
    @Operation(summary = "Mis notificaciones / my notifications", description = "newest first")
    Page<NotificationView> list(@RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size,
                                @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        PageRequest asked = PageRequest.of(page, size);
        Locale locale = LocaleContextHolder.getLocale();
        List<NotificationView> items = notifications.page(user.userId(), asked.size(), asked.offset()).stream()
                .map(line -> view(line, locale)).toList();
        return new Page<>(items, asked.page(), asked.size(), notifications.count(user.userId()));
    }

    @GetMapping("/notifications/unread-count")
    @Operation(summary = "Notificaciones sin leer / unread notifications")
    Unread unread(@RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return new Unread(notifications.unread(user.userId()));
    }

    @PostMapping("/notifications/{notificationId}/read")
    @Operation(summary = "Marcar como leída / mark as read", description = "only the caller's own; 404 otherwise")
    Unread read(@PathVariable String notificationId,
                @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        long id;
        try {
            id = Long.parseLong(notificationId);
        } catch (NumberFormatException e) {
            throw ReportProblem.notFound("notification", notificationId);
        }
        if (!notifications.read(user.userId(), id, Instant.now(clock))) {
            throw ReportProblem.notFound("notification", notificationId);
        }
        return new Unread(notifications.unread(user.userId()));
    }

    @GetMapping("/notifications/preferences")
    @Operation(summary = "Mis preferencias / my preferences")
    Preferences preferences(@RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        return preferencesOf(user);
    }

    @PutMapping("/notifications/preferences")
    @Operation(summary = "Cambiar mis preferencias / change my preferences",
            description = "language es/en and daily digests on/off; overdue notices cannot be turned off")
    Preferences prefer(@Valid @RequestBody PreferencesRequest request,
                       @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        people.prefer(user.userId(), user.institutionId(), user.name(), request.language(), request.digests());
        return preferencesOf(user);
    }

    @PutMapping("/notifications/people/{userId}")
    @Operation(summary = "Registrar a una persona / register a person",
            description = "an institution's ADMIN: name, address, language and roles of one of its people")
    Preferences register(@PathVariable String userId, @RequestBody PersonRequest request,
                         @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        if (!user.has(Role.ADMIN)) {
            throw ReportProblem.forbidden();
        }
        Optional<Person> known = people.find(userId);
        if (known.isPresent() && !known.get().institutionId().equals(user.institutionId())) {
            throw ReportProblem.notFound("person", userId);
        }
        request.check();
        String language = request.language() != null ? request.language()
                : known.map(Person::language).orElse("es");
        List<String> roles = request.roles() == null ? List.of() : request.roles().stream().map(Enum::name).toList();
        people.register(userId, user.institutionId(), request.name(), request.email(), language, roles);
        Person person = people.find(userId).orElseThrow();
        return new Preferences(person.userId(), person.name(), person.email(), person.language(), person.digests(),
                true);
    }

    @PostMapping("/admin/notification-runs")
    @Operation(summary = "Enviar el resumen y el buzón ahora / run the digest and outbox now",
            description = "the platform administrator's (and the tests') run, whatever the hour")
    NotificationJobs.Run run(@RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        if (!user.has(Role.PLATFORM_ADMIN)) {
            throw ReportProblem.forbidden();
        }
        return jobs.runNow();
    }

    private Preferences preferencesOf(VerifiedUser user) {
        return people.find(user.userId())
                .map(p -> new Preferences(p.userId(), p.name(), p.email(), p.language(), p.digests(), true))
                .orElse(new Preferences(user.userId(), user.name(), null, "es", true, false));
    }

    private NotificationView view(Line line, Locale locale) {
        return new NotificationView(line.id(), line.kind().name(), line.subjectType(), line.subjectId(),
                line.planId(), line.actionId(), line.evaluationId(), line.dueOn(), line.daysLeft(),
                texts.text(line, locale), line.linkPath(), line.createdAt(), line.readAt() != null);
    }
}
