package org.mejora.contract;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;

/**
 * The input contract in every servlet service that has this library: strict JSON for request bodies, bounded bodies
 * and uploads ({@code mejora.web.max-body-size}, MEJORA_MAX_BODY_SIZE, 10 MB by default), clean query parameters,
 * days within range in query parameters, and problems for whatever reaches the error page.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
                "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration"},
        beforeName = {"org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration",
                "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebContractAutoConfiguration {

    @Bean
    WebContractProperties webContractProperties(
            @Value("${mejora.web.max-body-size:${MEJORA_MAX_BODY_SIZE:10MB}}") String maxBodySize) {
        return new WebContractProperties(DataSize.parse(maxBodySize.strip()));
    }

    @Bean
    ProblemMessages problemMessages(MessageSource messageSource) {
        return new ProblemMessages(messageSource);
    }

    @Bean
    ProblemWriter problemWriter(ProblemMessages messages) {
        return new ProblemWriter(messages);
    }

    /**
     * The JSON converter of Spring MVC: Boot's mapper, strict in what it reads. A customizer rather than a converter
     * bean, which Boot would put before every other converter (and then write byte[] answers as base64); it runs
     * after Boot's own Jackson customizer, whose converter it replaces.
     */
    @Bean
    ServerHttpMessageConvertersCustomizer strictJsonConverter(JsonMapper jsonMapper) {
        JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(StrictJson.strict(jsonMapper));
        return new StrictJsonCustomizer(strict);
    }

    private record StrictJsonCustomizer(JacksonJsonHttpMessageConverter converter)
            implements ServerHttpMessageConvertersCustomizer, Ordered {

        @Override
        public void customize(HttpMessageConverters.ServerBuilder builder) {
            builder.withJsonConverter(converter);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Uploads are limited by the container while it reads the parts, whatever the Content-Length says. */
    @Bean
    MultipartConfigElement multipartConfigElement(WebContractProperties limits) {
        long max = limits.maxBodySize().toBytes();
        return new MultipartConfigElement("", max, max, 0);
    }

    @Bean
    FilterRegistrationBean<InputLimitFilter> inputLimitFilter(WebContractProperties limits, ProblemMessages messages) {
        FilterRegistrationBean<InputLimitFilter> registration = new FilterRegistrationBean<>(
                new InputLimitFilter(limits.maxBodySize().toBytes(), messages));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    ProblemErrorController problemErrorController(ProblemMessages messages) {
        return new ProblemErrorController(messages);
    }

    @Bean
    WebMvcConfigurer strictQueryDays() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(String.class, LocalDate.class, text -> {
                    if (text.isBlank()) {
                        return null;
                    }
                    LocalDate day = StrictJson.day(text.strip());
                    if (day == null) {
                        throw new IllegalArgumentException("not a day between " + StrictJson.FIRST_YEAR + " and "
                                + StrictJson.LAST_YEAR + ": " + text);
                    }
                    return day;
                });
            }
        };
    }
}
