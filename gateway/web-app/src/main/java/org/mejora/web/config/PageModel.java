package org.mejora.web.config;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout of every page needs: the user ({@code me}) and the page's own path (the language switch). */
@ControllerAdvice
class PageModel {

    @ModelAttribute("me")
    CurrentUser me(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : CurrentUser.of(user);
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
