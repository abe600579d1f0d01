package org.imagehub.platform.http;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods each path of the API serves, read from the resources' JAX-RS annotations: what {@code OPTIONS} and a
 * 405 answer in {@code Allow}. Quarkus REST's own answer lists methods of neighbouring templates too.
 */
public final class AllowedMethods {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private record Route(Pattern pattern, int literalCharacters, String method) {
    }

    private static volatile List<Route> routes;

    private AllowedMethods() {
    }

    /** The methods served at {@code path} (HEAD with GET, OPTIONS always), or empty when no resource is there. */
    public static Set<String> at(String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int best = -1;
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (!route.pattern().matcher(normalized).matches() || route.literalCharacters() < best) {
                continue;
            }
            if (route.literalCharacters() > best) {
                best = route.literalCharacters();
                methods.clear();
            }
            methods.add(route.method());
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        if (!methods.isEmpty()) {
            methods.add(HttpMethod.OPTIONS);
        }
        return methods;
    }

    private static List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path classPath = bean.getBeanClass().getAnnotation(Path.class);
                if (classPath != null) {
                    addRoutes(found, classPath.value(), bean.getBeanClass());
                }
            }
            routes = List.copyOf(found);
        }
        return routes;
    }

    private static void addRoutes(List<Route> found, String classPath, Class<?> resource) {
        for (Method method : resource.getMethods()) {
            String httpMethod = httpMethod(method);
            if (httpMethod != null) {
                Path methodPath = method.getAnnotation(Path.class);
                String template = ("/" + classPath + "/" + (methodPath == null ? "" : methodPath.value())).replaceAll("/+", "/");
                if (template.length() > 1 && template.endsWith("/")) {
                    template = template.substring(0, template.length() - 1);
                }
                found.add(route(template, httpMethod));
            }
        }
    }

    private static String httpMethod(Method method) {
        for (java.lang.annotation.Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    /** {@code {name}} matches one segment, {@code {name: regex}} its regex; everything else is literal. */
    private static Route route(String template, String method) {
        StringBuilder regex = new StringBuilder();
        int literal = 0;
        int last = 0;
        Matcher variable = VARIABLE.matcher(template);
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(last, variable.start())));
            literal += variable.start() - last;
            regex.append('(').append(variable.group(1) == null ? "[^/]+" : variable.group(1).trim()).append(')');
            last = variable.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        literal += template.length() - last;
        return new Route(Pattern.compile(regex.toString()), literal, method);
    }
}
