package org.mejora.web.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Sign-in is OpenID Connect, authorization code with PKCE, against the configured issuer (Keycloak in production,
 * infra/local-idp in the local run and the tests). Every form carries a CSRF token; sign-out ends the session here
 * and at the issuer. No page runs an inline script.
 */
@Configuration
class WebSecurity {

    @Bean
    SecurityFilterChain screens(HttpSecurity http, ClientRegistrationRepository registrations,
                                @Value("${mejora.web.issuer-url}") String issuerUrl) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/mejora"))
                .logout(logout -> logout.logoutSuccessHandler(signedOut))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(String.join("; ",
                                "default-src 'self'", "script-src 'self'", "style-src 'self'",
                                "img-src 'self' data:", "connect-src 'self'", "object-src 'none'",
                                "base-uri 'self'", "frame-ancestors 'none'",
                                // Sign-out and sign-in redirect through the issuer; browsers check form-action on them.
                                "form-action 'self' " + issuerUrl)))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
