package io.conversations.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The design as rules: the domain depends on nothing, the application on the domain, adapters never on each other
 * (the poms and module-info.java enforce these too); and what only these rules enforce: no package cycles, ports
 * that point one way, adapters that use the side of the application they stand on.
 */
class ArchitectureTest {
    private static final String BASE = "io.conversations";
    private static final String DOMAIN = BASE + ".domain..";
    private static final String APPLICATION = BASE + ".application..";
    private static final String HTTP = BASE + ".adapter.http..";
    private static final String PERSISTENCE = BASE + ".adapter.persistence..";
    private static final String BOOTSTRAP = BASE + ".bootstrap..";
    private static final String IN_PORTS = BASE + ".application.port.in..";
    private static final String OUT_PORTS = BASE + ".application.port.out..";
    private static final String HTTP_BODIES = BASE + ".adapter.http.dto..";

    private static JavaClasses production;

    @BeforeAll
    static void importTheProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages(BASE);
    }

    @Test
    void everyLayerHasClassesSoNoRuleHoldsVacuously() {
        for (String layer : new String[] {DOMAIN, APPLICATION, HTTP, PERSISTENCE, BOOTSTRAP}) {
            String prefix = layer.substring(0, layer.length() - 2);
            long count = production.stream().filter(c -> c.getPackageName().startsWith(prefix)).count();
            assertTrue(count > 3, layer + " has " + count + " classes");
        }
        assertTrue(production.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")), "tests were imported");
    }

    @Test
    void theLayersDependOnlyInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(DOMAIN)
                .layer("Application").definedBy(APPLICATION)
                .layer("Http").definedBy(HTTP)
                .layer("Persistence").definedBy(PERSISTENCE)
                .layer("Bootstrap").definedBy(BOOTSTRAP)
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("Http").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Http", "Persistence", "Bootstrap")
                .check(production);
    }

    // The rules below catch what javac, the poms and module-info.java all allow.

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void outPortsNeverDependOnInPorts() {
        noClasses().that().resideInAPackage(OUT_PORTS).should().dependOnClassesThat().resideInAPackage(IN_PORTS)
                .check(production);
    }

    @Test
    void theHttpAdapterDrivesTheApplicationOnlyThroughInPorts() {
        // It may implement an out-port (JwtTokens mints the tokens it verifies), never call one.
        noClasses().that().resideInAPackage(HTTP).should().accessClassesThat().resideInAPackage(OUT_PORTS)
                .check(production);
    }

    @Test
    void thePersistenceAdapterImplementsOutPortsAndNeverCallsAUseCase() {
        noClasses().that().resideInAPackage(PERSISTENCE).should().dependOnClassesThat().resideInAPackage(IN_PORTS)
                .check(production);
    }

    @Test
    void inPortsAreWhatAUseCaseIsCalledWithNotHowItIsDone() {
        noClasses().that().resideInAnyPackage(IN_PORTS, OUT_PORTS, BASE + ".application.model..").should()
                .dependOnClassesThat().resideInAPackage(BASE + ".application.service..").check(production);
    }

    @Test
    void theHttpBodiesAreDataThatKnowNoRoute() {
        noClasses().that().resideInAPackage(HTTP_BODIES).should().dependOnClassesThat(
                resideInAPackage(BASE + ".adapter.http").and(not(resideInAPackage(HTTP_BODIES)))).check(production);
    }

    @Test
    void theDomainUsesNoMoreOfJavaThanItsLanguageAndCollections() {
        // java.base also has files, sockets, threads and reflection: the domain needs none of them.
        classes().that().resideInAPackage(DOMAIN).should().onlyDependOnClassesThat()
                .resideInAnyPackage(DOMAIN, "java.lang", "java.util..", "java.nio.charset..", "java.lang.invoke..",
                        "java.lang.runtime..", "java.util.regex..", "java.util.function..", "java.util.stream..")
                .check(production);
    }

    @Test
    void theApplicationDependsOnTheDomainAndJavaOnly() {
        classes().that().resideInAPackage(APPLICATION).should().onlyDependOnClassesThat()
                .resideInAnyPackage(APPLICATION, DOMAIN, "java..").check(production);
    }

    @Test
    void theAdaptersNeverUseEachOther() {
        noClasses().that().resideInAPackage(HTTP).should().dependOnClassesThat().resideInAPackage(PERSISTENCE)
                .check(production);
        noClasses().that().resideInAPackage(PERSISTENCE).should().dependOnClassesThat().resideInAPackage(HTTP)
                .check(production);
    }

    @Test
    void javalinJettyAndJsonBindingStayInTheHttpAdapter() {
        noClasses().that().resideOutsideOfPackage(HTTP).should().dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.json.bind..", "org.eclipse.yasson..",
                        "com.nimbusds..")
                .check(production);
    }

    @Test
    void jdbcAndTheDatabaseLibrariesStayInThePersistenceAdapter() {
        noClasses().that().resideOutsideOfPackage(PERSISTENCE).should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer.hikari..", "org.mariadb..", "org.h2..",
                        "org.flywaydb..")
                .check(production);
    }
}
