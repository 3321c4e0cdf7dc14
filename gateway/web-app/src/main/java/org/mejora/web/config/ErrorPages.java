package org.mejora.web.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.SignInRequired;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A problem no page handled itself becomes a page that says what happened in words: forbidden, not found, a stale
 * edit (with a link to the current version), or the API's own detail. Pages that show a form catch their problems
 * and put them beside the fields instead.
 */
@ControllerAdvice
class ErrorPages {

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
