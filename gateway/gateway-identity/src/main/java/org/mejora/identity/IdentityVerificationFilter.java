package org.mejora.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;

/**
 * Lets a request into a service's API only with identity headers signed by the gateway. The verified user is
 * available to controllers as the request attribute {@link #USER_ATTRIBUTE}.
 */
public class IdentityVerificationFilter extends HttpFilter {

    public static final String USER_ATTRIBUTE = "mejora.verifiedUser";

    private final IdentityHeaders identityHeaders;
    private final Clock clock;

    public IdentityVerificationFilter(IdentityHeaders identityHeaders, Clock clock) {
        this.identityHeaders = identityHeaders;
        this.clock = clock;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        VerifiedUser user;
        try {
            user = identityHeaders.verify(request::getHeader, clock.instant());
        } catch (UntrustedIdentityException e) {
            reject(request, response, e.getMessage());
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, user);
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"about:blank","title":"Unauthorized","status":401,"detail":"%s","instance":"%s"}"""
                .formatted(reason.replace("\"", "'"), request.getRequestURI().replace("\"", "%22")));
    }
}
