package dev.reel.gateway.web;

import dev.reel.gateway.GatewayProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Serves the web app: files from {@code reel.gateway.web-root} ({@code reel up} passes the
 * repository's {@code web/}), falling back to the copy packaged in the jar ({@code
 * classpath:/static/}), and {@code index.html} at {@code /}. Files are revalidated on every use
 * ({@code no-cache} with ETag/Last-Modified), so edits show up on reload. Gateway routes take
 * precedence; a path that is neither a route nor a file is a 404 problem.
 */
@Configuration(proxyBeanMethods = false)
public class StaticWebConfiguration implements WebFluxConfigurer {

    private static final String CLASSPATH_ROOT = "classpath:/static/";

    private final List<String> locations;

    public StaticWebConfiguration(GatewayProperties properties) {
        List<String> roots = new ArrayList<>();
        String webRoot = properties.webRoot();
        if (webRoot != null && !webRoot.isBlank()) {
            roots.add("file:" + (webRoot.endsWith("/") ? webRoot : webRoot + "/"));
        }
        roots.add(CLASSPATH_ROOT);
        this.locations = List.copyOf(roots);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations(locations.toArray(String[]::new))
                .setCacheControl(CacheControl.noCache())
                .setUseLastModified(true);
    }

    @Bean
    RouterFunction<ServerResponse> indexPage(ApplicationContext context) {
        return RouterFunctions.route(RequestPredicates.GET("/"), request -> index(context)
                .map(index -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(index))
                .orElseGet(() -> Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND))));
    }

    private Optional<Resource> index(ApplicationContext context) {
        return locations.stream()
                .map(location -> context.getResource(location + "index.html"))
                .filter(Resource::isReadable)
                .findFirst();
    }
}
