package org.mejora.identity;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * In every servlet service with {@code mejora.gateway.secret} set, {@code /api/*} trusts only identities signed by
 * the gateway; health, metrics and API docs stay open.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Filter.class)
@ConditionalOnProperty("mejora.gateway.secret")
public class IdentityVerificationAutoConfiguration {

    @Bean
    FilterRegistrationBean<IdentityVerificationFilter> identityVerification(
            @Value("${mejora.gateway.secret}") String secret, ObjectProvider<Clock> clock) {
        FilterRegistrationBean<IdentityVerificationFilter> registration = new FilterRegistrationBean<>(
                new IdentityVerificationFilter(new IdentityHeaders(secret), clock.getIfAvailable(Clock::systemUTC)));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
