package org.mejora.contract;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.List;
import java.util.Locale;

/**
 * Problem messages in the caller's language: the service's own bundle first (its domain rules, and any contract
 * message it words differently), then the contract's bundle. Spanish unless the request asks for English.
 */
public class ProblemMessages {

    public static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final List<Locale> SUPPORTED = List.of(SPANISH, Locale.ENGLISH);

    private final MessageSource service;
    private final ResourceBundleMessageSource contract = new ResourceBundleMessageSource();

    public ProblemMessages(MessageSource service) {
        this.service = service;
        contract.setBasename("org/mejora/contract/problems");
        contract.setDefaultEncoding("UTF-8");
        contract.setFallbackToSystemLocale(false);
    }

    /** In the language of the request being handled (Spring's locale context). */
    public String message(String code, Object... arguments) {
        return message(code, arguments, LocaleContextHolder.getLocale());
    }

    public String message(String code, Object[] arguments, Locale locale) {
        Locale language = supported(locale);
        if (service != null) {
            try {
                return service.getMessage(code, arguments, language);
            } catch (NoSuchMessageException notTheService) {
                // the contract's own wording below
            }
        }
        return contract.getMessage(code, arguments, code, language);
    }

    /** A Bean Validation error, in the caller's language. */
    public String message(MessageSourceResolvable error) {
        Locale language = supported(LocaleContextHolder.getLocale());
        if (service != null) {
            try {
                return service.getMessage(error, language);
            } catch (NoSuchMessageException notTheService) {
                // the contract's own wording below
            }
        }
        return contract.getMessage(error, language);
    }

    /** The language of a request read before Spring MVC resolved it (in a filter). */
    public static Locale locale(HttpServletRequest request) {
        String asked = request.getHeader("Accept-Language");
        if (asked == null || asked.isBlank()) {
            return SPANISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(asked), SUPPORTED);
            return match == null ? SPANISH : match;
        } catch (IllegalArgumentException unreadable) {
            return SPANISH;
        }
    }

    private static Locale supported(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : SPANISH;
    }
}
