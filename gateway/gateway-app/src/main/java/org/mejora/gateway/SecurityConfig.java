package org.mejora.gateway;

import org.mejora.identity.Role;
import org.mejora.identity.TokenValidation;
import org.mejora.identity.VerifiedUser;
import org.mejora.identity.VerifiedUsers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every API request carries a JWT signed by the configured OIDC issuer (Keycloak in production), or, for a local
 * run and tests, by the local key whose public half is {@code mejora.jwt.public-key} ({@code infra/token.sh}).
 * Then {@link AccessPolicy} decides by role. Refusals are problems: 401 with {@code WWW-Authenticate}, 403.
 */
@Configuration
class SecurityConfig {

    private static final String ROLE_PREFIX = "ROLE_";

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, CorsConfigurationSource cors, Problems problems) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, failure) -> unauthorized(exchange, failure, problems);
        ServerAccessDeniedHandler forbidden = (exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                "problem.forbidden", exchange.getRequest().getMethod().name());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .cors(spec -> spec.configurationSource(cors))
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .pathMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/webjars/**")
                        .permitAll()
                        .pathMatchers("/api/**").access(byRole())
                        // The screens: the web app behind this gateway signs its users in (OpenID Connect) itself.
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfig::authentication))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    private static ReactiveAuthorizationManager<AuthorizationContext> byRole() {
        return (authentication, context) -> authentication
                .filter(Authentication::isAuthenticated)
                .<AuthorizationResult>map(user -> new AuthorizationDecision(AccessPolicy.allows(
                        context.getExchange().getRequest().getMethod(),
                        context.getExchange().getRequest().getPath().pathWithinApplication().value(),
                        roles(user))))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private static Set<Role> roles(Authentication user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : user.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(ROLE_PREFIX)) {
                Arrays.stream(Role.values()).filter(role -> role.name().equals(name.substring(ROLE_PREFIX.length())))
                        .forEach(roles::add);
            }
        }
        return roles;
    }

    private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        VerifiedUser user = VerifiedUsers.from(jwt);
        List<GrantedAuthority> authorities = user.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(ROLE_PREFIX + role.name()))
                .toList();
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, user.userId()));
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure,
                                           Problems problems) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            String reason = error.getDescription() == null ? error.getErrorCode() : error.getDescription();
            String quotable = reason.replaceAll("[\"\\\\\r\n]", "'");
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"" + error.getErrorCode() + "\", error_description=\"" + quotable + "\"");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "problem.token-invalid", reason);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "problem.token-missing");
    }

    @Bean
    CorsConfigurationSource cors(@Value("${mejora.cors.origins:}") List<String> origins,
                                 @Value("${mejora.cors.max-age:1h}") Duration maxAge) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(origins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList());
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
                "If-Match", "X-Correlation-Id"));
        configuration.setExposedHeaders(List.of("X-Correlation-Id", "Location", "ETag", "Retry-After",
                "WWW-Authenticate"));
        configuration.setMaxAge(maxAge);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${mejora.jwt.issuer-uri:}") String issuerUri,
                                  @Value("${mejora.jwt.issuer:mejora-local}") List<String> issuers,
                                  @Value("${mejora.jwt.public-key:}") Resource publicKey,
                                  @Value("${mejora.jwt.audience:mejora}") String audience)
            throws IOException, GeneralSecurityException {
        if (!issuerUri.isBlank()) {
            // Discovery happens on the first token, so the gateway starts even while Keycloak is still starting.
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuerUri).build();
            decoder.setJwtValidator(TokenValidation.forIssuer(issuerUri, audience));
            return new CachedTokenDecoder(decoder);
        }
        return new CachedTokenDecoder(localDecoder(TokenValidation.readPublicKey(publicKey), issuers, audience));
    }

    /** The decoder of tokens signed by the local key pair: what {@code infra/token.sh} and the tests sign. */
    static NimbusReactiveJwtDecoder localDecoder(RSAPublicKey publicKey, List<String> issuers, String audience) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey).build();
        decoder.setJwtValidator(TokenValidation.forLocalIssuers(issuers, audience));
        return decoder;
    }
}
