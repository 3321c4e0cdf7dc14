package org.mejora.reporting.notification;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** The words of every notification, in the app and in mail: Spanish unless the person chose English. */
@Component
class MailTexts {

    static final Locale SPANISH = Locale.forLanguageTag("es");

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final NotificationSettings settings;

    record Mail(String subject, String body) {
    }

    MailTexts(NotificationSettings settings) {
        this.settings = settings;
        messages.setBasename("notifications/texts");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    static Locale locale(String language) {
        return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : SPANISH;
    }

    /** One line saying what the notification is about. */
    String text(Line line, Locale locale) {
        String date = line.dueOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        return messages.getMessage("text." + line.kind(), new Object[]{
                nullToEmpty(line.subjectName()), nullToEmpty(line.contextName()), date, line.daysLeft(),
                label("stage", line.stage(), locale), label("step", line.step(), locale)}, locale);
    }

    String link(Line line) {
        return settings.publicUrl() + line.linkPath();
    }

    /** A mail of one notification. */
    Mail single(Person person, Line line) {
        Locale locale = person.locale();
        String subject = messages.getMessage("subject." + line.kind(), new Object[]{nullToEmpty(line.subjectName())},
                locale);
        String body = messages.getMessage("mail.greeting", new Object[]{greeted(person)}, locale) + "\n\n"
                + text(line, locale) + "\n" + messages.getMessage("mail.open", new Object[]{link(line)}, locale)
                + "\n\n" + footer(locale);
        return new Mail(subject, body);
    }

    /** One mail with a person's pending notifications of the day. */
    Mail digest(Person person, List<Line> lines) {
        if (lines.size() == 1) {
            return single(person, lines.get(0));
        }
        Locale locale = person.locale();
        StringBuilder body = new StringBuilder(messages.getMessage("mail.greeting", new Object[]{greeted(person)},
                locale)).append("\n\n").append(messages.getMessage("digest.intro", new Object[]{lines.size()}, locale))
                .append("\n\n");
        for (Line line : lines) {
            body.append("- ").append(text(line, locale)).append("\n  ").append(link(line)).append("\n");
        }
        body.append("\n").append(footer(locale));
        return new Mail(messages.getMessage("digest.subject", new Object[]{lines.size()}, locale), body.toString());
    }

    private String footer(Locale locale) {
        return messages.getMessage("mail.footer", new Object[]{settings.publicUrl() + "/notifications/preferences"},
                locale);
    }

    private String greeted(Person person) {
        return person.name() == null || person.name().isBlank() ? person.userId() : person.name();
    }

    private String label(String group, String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return messages.getMessage(group + "." + value, null, value, locale);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
