package org.mejora.web.plans;

import org.mejora.web.api.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a form shows when it cannot be saved, always the same way: a general line ({@code fragments :: problem}) and
 * a message beside each field it names, whether the form's own validation found it or the API answered it.
 */
@Component
class FormProblems {

    private final MessageSource messages;

    FormProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** Bean Validation's findings as a problem, each field's message in the user's language. */
    ApiProblem of(BindingResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> errors = result.getFieldErrors().stream()
                .map(error -> Map.<String, Object>of("field", error.getField(),
                        "message", messages.getMessage(error, locale)))
                .toList();
        return new ApiProblem(400, Map.of(
                "title", messages.getMessage("plans.form.invalid.title", null, locale),
                "detail", messages.getMessage("plans.form.invalid.detail", null, locale),
                "errors", errors));
    }

    /** A rule of one form that no annotation states (e.g. a rejection needs its reason). */
    void reject(BindingResult result, String field, Object value, String messageKey) {
        result.addError(new FieldError(result.getObjectName(), field, value, false, null, null,
                messages.getMessage(messageKey, null, LocaleContextHolder.getLocale())));
    }

    /**
     * Puts an API problem the form shows (400, 409, 422) into the model; any other (403, 404, 5xx) is rethrown to
     * become its own page. The API titles problems with the HTTP reason in English ("Conflict"): the form gives the
     * title in the user's words, by the rule when it has one.
     */
    void show(ApiProblem problem, Model model) {
        if (!problem.isShownOnItsForm()) {
            throw problem;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String title = problem.rule() == null ? null
                : messages.getMessage("plans.problem." + problem.rule(), null, null, locale);
        Map<String, Object> body = new HashMap<>(problem.body());
        body.put("title", title != null ? title
                : messages.getMessage("plans.problem." + problem.status(), null, locale));
        model.addAttribute("problem", new ApiProblem(problem.status(), body));
    }
}
