package org.mejora.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

import java.io.IOException;
import java.util.Locale;

/**
 * Lets a request into a service's API only with a valid bearer token (the user's, relayed unchanged by the
 * gateway), verified here with the service's own {@link JwtDecoder}: nobody who can reach the service's port, and no
 * other service, can speak for a user without the identity provider's signature. The verified user is available to
 * controllers as the request attribute {@link #USER_ATTRIBUTE}.
 */
public class IdentityVerificationFilter extends HttpFilter {

    public static final String USER_ATTRIBUTE = "mejora.verifiedUser";

    private static final String BEARER = "bearer ";

    private final JwtDecoder decoder;

    public IdentityVerificationFilter(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            reject(request, response, "Bearer", "a bearer token is required");
            return;
        }
        VerifiedUser user;
        try {
            user = VerifiedUsers.from(decoder.decode(authorization.substring(BEARER.length()).strip()));
        } catch (JwtDecoderInitializationException e) {
            // The identity provider's keys could not be read (e.g. Keycloak still starting): not the client's fault.
            response.setHeader("Retry-After", "5");
            write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
                    "the identity provider's keys cannot be read yet");
            return;
        } catch (JwtException | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? "invalid token" : e.getMessage().replaceAll("[\"\\\\\r\n]", "'");
            reject(request, response, "Bearer error=\"invalid_token\", error_description=\"" + reason + "\"", reason);
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, user);
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, String challenge,
                               String reason) throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", reason);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                              String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s","instance":"%s"}"""
                .formatted(title, status, detail.replace("\"", "'"), request.getRequestURI().replace("\"", "%22")));
    }
}
