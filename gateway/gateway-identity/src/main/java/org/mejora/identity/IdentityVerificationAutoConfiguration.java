package org.mejora.identity;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Makes every servlet service an OAuth2 resource server: {@code /api/*} answers only requests with a valid bearer
 * token ({@link TokenValidation}: Keycloak by discovery at {@code mejora.jwt.issuer-uri}, or the local key pair at
 * {@code mejora.jwt.public-key}); health, metrics and API docs stay open. It also refuses to start with a published
 * development secret outside a local run ({@link DevelopmentSecrets}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Filter.class, JwtDecoder.class})
public class IdentityVerificationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(@Value("${mejora.jwt.issuer-uri:}") String issuerUri,
                          @Value("${mejora.jwt.issuer:mejora-local}") List<String> issuers,
                          @Value("${mejora.jwt.public-key:}") Resource publicKey,
                          @Value("${mejora.jwt.audience:mejora}") String audience)
            throws IOException, GeneralSecurityException {
        return TokenValidation.decoder(issuerUri, issuers, publicKey, audience);
    }

    @Bean
    FilterRegistrationBean<IdentityVerificationFilter> identityVerification(JwtDecoder decoder,
                                                                           Environment environment) {
        DevelopmentSecrets.check(environment);
        FilterRegistrationBean<IdentityVerificationFilter> registration =
                new FilterRegistrationBean<>(new IdentityVerificationFilter(decoder));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
