package org.mejora.contract;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebContractAutoConfigurationTest {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    WebContractAutoConfiguration.class));

    @Test
    void springMvcReadsJsonStrictlyAndStillWritesBytesAsBytes() {
        context.run(app -> {
            List<HttpMessageConverter<?>> converters = app.getBean(RequestMappingHandlerAdapter.class)
                    .getMessageConverters();
            List<JacksonJsonHttpMessageConverter> json = converters.stream()
                    .filter(JacksonJsonHttpMessageConverter.class::isInstance)
                    .map(JacksonJsonHttpMessageConverter.class::cast).toList();
            assertThat(json).hasSize(1);
            assertThat(((JsonMapper) json.get(0).getMapper())
                    .isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
            // The service's own mapper, for its stored JSON, stays as Boot made it.
            assertThat(app.getBean(JsonMapper.class).isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                    .isFalse();
            int bytes = indexOf(converters, ByteArrayHttpMessageConverter.class);
            assertThat(bytes).isNotNegative().isLessThan(converters.indexOf(json.get(0)));
        });
    }

    private static int indexOf(List<HttpMessageConverter<?>> converters, Class<?> type) {
        for (int i = 0; i < converters.size(); i++) {
            if (type.isInstance(converters.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
