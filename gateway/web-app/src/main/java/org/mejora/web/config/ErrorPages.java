package org.mejora.web.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.SignInRequired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.util.Locale;
import java.util.Map;

/**
 * A problem no page handled itself becomes a page that says what happened in words: forbidden, not found, a stale
 * edit (with a link to the current version), or the API's own detail. Pages that show a form catch their problems
 * and put them beside the fields instead.
 */
@ControllerAdvice
class ErrorPages {

    private final MessageSource messages;
    private final DataSize uploadLimit;

    ErrorPages(MessageSource messages,
               @Value("${spring.servlet.multipart.max-file-size:10MB}")
               DataSize uploadLimit) {
        this.messages = messages;
        this.uploadLimit = uploadLimit;
    }

    /** A file over the limit is refused before anything reads it, with the limit in words. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        ApiProblem problem = new ApiProblem(413, Map.of(
                "title", messages.getMessage("problem.status.413", null, locale),
                "detail", messages.getMessage("problem.upload-too-large",
                        new Object[]{uploadLimit.toMegabytes() + " MB"}, locale),
                "field", "file"));
        return problem(problem, request, response, model);
    }

    @ExceptionHandler(SignInRequired.class)
    String signInAgain() {
        return "redirect:/oauth2/authorization/mejora";
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (problem.status() == 401) {
            return "redirect:/oauth2/authorization/mejora";
        }
        response.setStatus(problem.status() >= 500 ? 502 : problem.status());
        model.addAttribute("problem", problem);
        model.addAttribute("me", currentUser());
        model.addAttribute("requestPath", request.getRequestURI());
        String referer = request.getHeader("Referer");
        model.addAttribute("back", referer != null && referer.contains("://") ? referer : "/");
        return switch (problem.status()) {
            case 403 -> "error/forbidden";
            case 404 -> "error/not-found";
            case 409 -> "error/conflict";
            default -> "error/problem";
        };
    }

    private static CurrentUser currentUser() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication != null
                && authentication.getPrincipal() instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser
                oidc ? CurrentUser.of(oidc) : null;
    }
}
