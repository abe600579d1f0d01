package org.imagehub.platform.http;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter given twice is a 400 on every operation, instead of JAX-RS silently taking the first value. A
 * parameter may repeat only where the resource method takes it as a collection (e.g. {@code ?lang=fr&lang=en}).
 */
public class RepeatedParametersFilter {
    private final Map<Method, Set<String>> multiValued = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseRepeated(ContainerRequestContext request, ResourceInfo resource) {
        List<FieldError> errors = new ArrayList<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            if (values.size() > 1 && !multiValuedOf(resource.getResourceMethod()).contains(name)) {
                errors.add(new FieldError("query." + name, "repeated", "give it once"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() + " query parameter(s) given more than once.", errors);
        }
    }

    private Set<String> multiValuedOf(Method method) {
        if (method == null) {
            return Set.of();
        }
        return multiValued.computeIfAbsent(method, m -> java.util.Arrays.stream(m.getParameters())
                .filter(parameter -> parameter.isAnnotationPresent(QueryParam.class) && isCollection(parameter))
                .map(parameter -> parameter.getAnnotation(QueryParam.class).value())
                .collect(Collectors.toUnmodifiableSet()));
    }

    private static boolean isCollection(Parameter parameter) {
        return Collection.class.isAssignableFrom(parameter.getType()) || parameter.getType().isArray();
    }
}
