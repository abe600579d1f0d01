package org.imagehub;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Set;
import org.imagehub.app.HubMain;

/**
 * The feature boundaries, checked on the main classes: platform knows no feature, features do not depend on each
 * other in a circle, a feature uses another's services and events but never its entities, and resources leave
 * the database to services.
 */
@AnalyzeClasses(locations = ArchitectureTests.MainClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {
    private static final String[] FEATURES = {"content", "media", "delivery", "search", "distribution", "social", "analytics", "security", "console"};

    @ArchTest
    static final ArchRule platformDependsOnNoFeature = noClasses().that().resideInAPackage("org.imagehub.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES))
            .as("platform depends on no feature");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("org.imagehub.(*)..").should().beFreeOfCycles()
            .as("no cycles between feature packages");

    /** Content is the source, delivery a reader of its events: the direction the #11 spine fixed, stated on its own. */
    @ArchTest
    static final ArchRule contentKnowsNothingOfDelivery = noClasses().that().resideInAPackage("org.imagehub.content..")
            .should().dependOnClassesThat().resideInAPackage("org.imagehub.delivery..")
            .as("content does not depend on delivery");

    @ArchTest
    static void featuresTouchNoOtherFeaturesEntities(JavaClasses classes) {
        for (String feature : FEATURES) {
            String own = "org.imagehub." + feature + "..";
            noClasses().that().resideInAPackage(own)
                    .should().dependOnClassesThat(are(not(resideInAPackage(own))).and(resideInAnyPackage(packages(FEATURES)))
                            .and(com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith(Entity.class)))
                    .as(feature + " touches other features only through their services and events, never their entities")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @ArchTest
    static final ArchRule resourcesUseNoEntityManager = noClasses().that().areAnnotatedWith(Path.class)
            .or().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
            .as("resources do not use the EntityManager");

    /**
     * The compiled main classes, by location rather than by package scan: after a Quarkus test the context class
     * loader is Quarkus's, and a package scan through it finds nothing.
     */
    static final class MainClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            try {
                return Set.of(Location.of(HubMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String[] packages(String... features) {
        return Arrays.stream(features).map(feature -> "org.imagehub." + feature + "..").toArray(String[]::new);
    }
}
