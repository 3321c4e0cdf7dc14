package org.mejora.contract;

import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ContractProblemHandlerTest {

    enum Kind { INSTITUTIONAL, INDIVIDUAL }

    record Body(@NotBlank String title, Integer percent, Kind kind, LocalDate day, List<String> tasks) {
    }

    @RestController
    static class Endpoints {

        @PostMapping("/things")
        String create(@jakarta.validation.Valid @RequestBody Body body) {
            return "ok";
        }

        @GetMapping("/things")
        Page<String> list(@RequestParam(required = false) Kind kind, @RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size) {
            return Page.of(List.of("a", "b", "c"), PageRequest.of(page, size));
        }

        /** What a command meets while PostgreSQL restarts: the server terminated the connection. */
        @GetMapping("/outage")
        String outage() {
            throw new IllegalStateException("Failed to read events",
                    new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalStateException("a bug of the service");
        }
    }

    @RestControllerAdvice
    static class Handler extends ContractProblemHandler {
        Handler(ProblemMessages messages) {
            super(messages, new WebContractProperties(DataSize.ofMegabytes(10)));
        }
    }

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        ProblemMessages messages = new ProblemMessages(new StaticMessageSource());
        AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
        locales.setDefaultLocale(ProblemMessages.SPANISH);
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        mvc = MockMvcBuilders.standaloneSetup(new Endpoints())
                .setControllerAdvice(new Handler(messages))
                .setMessageConverters(new ByteArrayHttpMessageConverter(),
                        new JacksonJsonHttpMessageConverter(StrictJson.strict(JsonMapper.builder()
                                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build())))
                .setValidator(validator)
                .setLocaleResolver(locales)
                .addFilters(new InputLimitFilter(DataSize.ofMegabytes(10).toBytes(), messages))
                .build();
    }

    private ResultActions send(String json) throws Exception {
        return mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static ResultActions refused(ResultActions result, String field, String rule) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void aDatabaseAwayAsksToRetryInsteadOfFailing() throws Exception {
        mvc.perform(get("/outage")).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:mejora:rule:server.storage-unavailable"))
                .andExpect(jsonPath("$.detail").value(
                        "La base de datos no pudo atender esta solicitud en este momento; intente de nuevo en unos segundos."));
        mvc.perform(get("/outage").header("Accept-Language", "en")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value(
                        "The database could not serve this request just now; try again in a few seconds."));
    }

    @Test
    void anyOtherFailureGoesOnToTheErrorPage() {
        assertThatThrownBy(() -> mvc.perform(get("/bug"))).rootCause().hasMessage("a bug of the service");
    }

    @Test
    void acceptsExactlyWhatIsDeclared() throws Exception {
        send("{\"title\":\"Plan\",\"percent\":25,\"kind\":\"INDIVIDUAL\",\"day\":\"2024-02-29\",\"tasks\":[\"a\"]}")
                .andExpect(status().isOk());
    }

    @Test
    void refusesUnknownFieldsNamingThem() throws Exception {
        refused(send("{\"title\":\"Plan\",\"extra\":1}"), "extra", "json.unknown-field");
    }

    @Test
    void refusesCoercionBetweenStringsNumbersAndBooleans() throws Exception {
        refused(send("{\"title\":false}"), "title", "json.type");
        refused(send("{\"title\":12}"), "title", "json.type");
        refused(send("{\"title\":\"x\",\"percent\":\"25\"}"), "percent", "json.integer");
    }

    @Test
    void refusesFractionsWhereIntegersAreMeant() throws Exception {
        refused(send("{\"title\":\"x\",\"percent\":25.5}"), "percent", "json.integer");
    }

    @Test
    void refusesEnumIndexesAndUnknownValues() throws Exception {
        refused(send("{\"title\":\"x\",\"kind\":\"0\"}"), "kind", "json.enum");
        refused(send("{\"title\":\"x\",\"kind\":0}"), "kind", "json.enum");
        refused(send("{\"title\":\"x\",\"kind\":\"FOO\"}"), "kind", "json.enum");
    }

    @Test
    void refusesDatesOutOfFormOrRange() throws Exception {
        refused(send("{\"title\":\"x\",\"day\":\"-2022-01-01\"}"), "day", "json.date");
        refused(send("{\"title\":\"x\",\"day\":\"1899-12-31\"}"), "day", "json.date");
        refused(send("{\"title\":\"x\",\"day\":\"2023-02-29\"}"), "day", "json.date");
    }

    @Test
    void refusesNullElementsAndControlCharacters() throws Exception {
        refused(send("{\"title\":\"x\",\"tasks\":[null]}"), "tasks[0]", "json.null");
        refused(send("{\"title\":\"a\\u0000b\"}"), "title", "json.characters");
    }

    @Test
    void namesTheBrokenBeanValidationRule() throws Exception {
        refused(send("{\"title\":\" \"}"), "title", "validation.NotBlank");
    }

    @Test
    void refusesMalformedJsonInSpanishByDefaultAndInEnglishOnRequest() throws Exception {
        send("{\"title\":").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("json.malformed"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("El cuerpo no es JSON")));
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"title\":"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The body is not valid JSON")));
    }

    @Test
    void refusesUnknownEnumValuesAndPageSizesInQueries() throws Exception {
        refused(mvc.perform(get("/things").param("kind", "FOO")), "kind", "parameter.enum");
        refused(mvc.perform(get("/things").param("size", "201")), "size", "page.size");
        refused(mvc.perform(get("/things").param("page", "x")), "page", "parameter.integer");
        mvc.perform(get("/things").param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.items[0]").value("c"))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.size").value(2));
    }

    @Test
    void refusesControlCharactersInQueryParameters() throws Exception {
        refused(mvc.perform(get(java.net.URI.create("/things?kind=%00"))), "kind", "parameter.characters");
    }

    @Test
    void refusesQueryParametersThatAreNotUtf8() throws Exception {
        refused(mvc.perform(get(java.net.URI.create("/things?kind=%C3%28"))), "kind", "parameter.encoding");
    }

    @Test
    void refusesUnsupportedMediaTypesAndMethods() throws Exception {
        mvc.perform(post("/things").contentType("*/*").content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.errors[0].rule").value("media-type.unsupported"));
        mvc.perform(post("/things").contentType("text/plain").content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.errors[0].field").value("Content-Type"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/things"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].rule").value("method.not-allowed"));
    }

    @Test
    void refusesBodiesLargerThanTheLimitBeforeReadingThem() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                        .content(new byte[11 * 1024 * 1024]))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.errors[0].rule").value("body.too-large"));
    }
}
