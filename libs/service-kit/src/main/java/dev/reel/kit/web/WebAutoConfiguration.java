package dev.reel.kit.web;

import dev.reel.kit.KitFilterOrder;
import dev.reel.kit.KitProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/** Problem responses for every error path, and the request body limit. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(KitProperties.class)
public class WebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            KitProperties properties, ProblemWriter problems) {
        long limit = properties.web().maxRequestBody().toBytes();
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit, problems));
        registration.setOrder(KitFilterOrder.REQUEST_BODY_LIMIT);
        return registration;
    }
}
