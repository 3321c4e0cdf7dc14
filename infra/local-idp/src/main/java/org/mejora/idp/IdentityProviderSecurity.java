package org.mejora.idp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Spring Authorization Server with one public client, the web app (authorization code + PKCE, no client secret to
 * leak), and the demo users. Its tokens carry the claims {@code infra/token.sh} writes ({@code institution},
 * {@code roles}, {@code name}, audience {@code mejora}) and are signed by the same local key pair, so the gateway
 * trusts both.
 */
@Configuration
class IdentityProviderSecurity {

    static final String DEMO_PASSWORD = "demo";

    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // A browser that is not signed in yet goes to the sign-in page.
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, @Value("${mejora.idp.web-app-url}") List<String> webAppUrls)
            throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/idp.css", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        // Browsers check form-action along the redirects that follow the sign-in, up to the web app.
                        "default-src 'self'; form-action 'self' " + String.join(" ", webAppUrls)
                                + "; frame-ancestors 'none'")))
                .build();
    }

    @Bean
    DemoUsers demoUsers(@Value("${mejora.idp.users}") Resource file) {
        return new DemoUsers(file);
    }

    @Bean
    UserDetailsService userDetailsService(DemoUsers users, PasswordEncoder encoder) {
        String password = encoder.encode(DEMO_PASSWORD);
        return username -> users.find(username)
                .map(user -> User.withUsername(user.username()).password(password)
                        .authorities(user.roles().stream().map(role -> "ROLE_" + role).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new org.springframework.security.core.userdetails.UsernameNotFoundException(
                        username));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository clients(@Value("${mejora.idp.web-app-url}") List<String> webAppUrls) {
        RegisteredClient.Builder webApp = RegisteredClient
                .withId(UUID.nameUUIDFromBytes("mejora-web".getBytes(StandardCharsets.UTF_8)).toString())
                .clientId("mejora-web")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        // The web app as browsers reach it: through the gateway; several when a developer runs a second web app.
        for (String url : webAppUrls) {
            String base = url.trim().replaceAll("/+$", "");
            webApp.redirectUri(base + "/login/oauth2/code/mejora").postLogoutRedirectUri(base + "/");
        }
        webApp.scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                // A public client gets no refresh token here: the token lasts as long as a working session.
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(8)).build());
        return new InMemoryRegisteredClientRepository(webApp.build());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${mejora.idp.issuer}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }

    /** Both the ID token and the access token name the user, the institution, the roles and the position. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> mejoraClaims(DemoUsers users,
                                                          @Value("${mejora.idp.audience}") String audience) {
        return context -> users.find(context.getPrincipal().getName()).ifPresent(user -> {
            context.getClaims()
                    .claim("preferred_username", user.username())
                    .claim("name", user.name())
                    .claim("institution", user.institution())
                    .claim("roles", user.roles());
            if (user.position() != null) {
                context.getClaims().claim("position", user.position());
            }
            if ("access_token".equals(context.getTokenType().getValue())) {
                context.getClaims().audience(List.of(audience, context.getRegisteredClient().getClientId()));
            }
        });
    }

    @Bean
    JWKSource<SecurityContext> signingKey(@Value("${mejora.idp.private-key}") Resource privateKey,
                                          @Value("${mejora.idp.public-key}") Resource publicKey)
            throws IOException, GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPublicKey publicHalf = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pem(publicKey)));
        RSAPrivateKey privateHalf = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(privateKey)));
        RSAKey key = new RSAKey.Builder(publicHalf).privateKey(privateHalf).keyID("mejora-local").build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    private static byte[] pem(Resource file) throws IOException {
        if (!file.exists()) {
            throw new IllegalStateException("no key at " + file + ": run infra/token.sh once to make the local key pair");
        }
        String base64 = file.getContentAsString(StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
